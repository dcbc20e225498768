package org.palflow.originality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Quoting the handbook's prompts is not copying: the allow-list corpus shipped with the app removes them. */
class AllowListTest {

    static final AllowList HANDBOOK = AllowList.of(
            new ClassPathResource("originality/allow-list/handbook-2025-26-task-2-prompts.txt"));
    static final String PROMPT = "A description of the student priority academic area you identified for group "
            + "learning and the focus within this area that the group selected for its learning together. Explain "
            + "how the group decided on its area of focus and how you facilitated a group decision to narrow its "
            + "focus within the priority academic area.";

    @Test
    void twoCandidatesQuotingTheSamePromptDoNotMatch() {
        OriginalityIndex index = new OriginalityIndex();
        index.add(1, HANDBOOK.screenable(Fingerprints.of(own(1) + " " + PROMPT + " " + own(2))));
        long[] second = HANDBOOK.screenable(Fingerprints.of(own(3) + " " + PROMPT + " " + own(4)));
        assertThat(index.closest(second, OriginalityScreening.DEFAULT_MIN_SHARED)).isEmpty();

        long[] unfiltered = Fingerprints.of(own(3) + " " + PROMPT + " " + own(4)).fingerprints().stream()
                .mapToLong(Fingerprints.Fingerprint::hash).toArray();
        OriginalityIndex withoutAllowList = new OriginalityIndex();
        withoutAllowList.add(1, Fingerprints.of(own(1) + " " + PROMPT + " " + own(2)).fingerprints().stream()
                .mapToLong(Fingerprints.Fingerprint::hash).toArray());
        assertThat(withoutAllowList.closest(unfiltered, OriginalityScreening.DEFAULT_MIN_SHARED))
                .as("without the allow-list the prompt alone would match").isPresent();
        assertThat(HANDBOOK.size()).isGreaterThan(1_000);
    }

    private static String own(long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append("word").append(random.nextInt(100_000)).append(' ');
        }
        return text.toString().strip();
    }
}

package org.palflow.originality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Winnowing finds a shared passage however it is dressed, and nothing in texts that share none. */
class FingerprintsTest {

    private static final String PASSAGE = "The working group examined fluency data from every classroom, chose "
            + "repeated reading as its focus, and met each week to plan lessons, observe one another and compare "
            + "student progress against the benchmark it had set together in the autumn";

    @Test
    void aPassageSharedVerbatimOrLightlyRewordedIsFound() {
        OriginalityIndex index = new OriginalityIndex();
        index.add(1, hashes(filler(1) + " " + PASSAGE + " " + filler(2)));
        index.add(2, hashes(filler(3)));

        String reworded = PASSAGE.replace("examined", "examined the").replace("lessons", "lesson")
                .replace("one another", "each other").toUpperCase();
        assertThat(index.closest(hashes(filler(4) + " " + PASSAGE), 6)).get()
                .extracting(OriginalityIndex.Candidate::document).isEqualTo(1);
        assertThat(index.closest(hashes(filler(5) + " " + reworded + " " + filler(6)), 6)).get()
                .extracting(OriginalityIndex.Candidate::document).isEqualTo(1);
        assertThat(index.closest(hashes(filler(7)), 6)).isEmpty();
        assertThat(index.closest(hashes(filler(4) + " " + PASSAGE), 6, document -> document != 1)).isEmpty();
    }

    @Test
    void fingerprintsPointAtTheWordsTheyCameFrom() {
        Fingerprints.Fingerprinted text = Fingerprints.of(PASSAGE);
        assertThat(text.fingerprints()).isNotEmpty();
        assertThat(text.fingerprints()).allSatisfy(fingerprint -> assertThat(fingerprint.firstWord())
                .isBetween(0, text.words().size() - 1));
        assertThat(Fingerprints.allShingles(PASSAGE)).hasSizeGreaterThan(text.fingerprints().size());
        assertThat(Fingerprints.of("too short").fingerprints()).isEmpty();
    }

    private static long[] hashes(String text) {
        return Fingerprints.of(text).fingerprints().stream().mapToLong(Fingerprints.Fingerprint::hash).toArray();
    }

    private static String filler(long seed) {
        Random random = new Random(seed);
        List<String> words = List.of("budget", "schedule", "survey", "family", "coach", "meeting", "literacy",
                "attendance", "community", "grade", "report", "plan", "goal", "review", "teacher", "student");
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            text.append(words.get(random.nextInt(words.size()))).append(random.nextInt(1000)).append(' ');
        }
        return text.toString().strip();
    }
}

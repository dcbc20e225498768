package org.palflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Names are found as whole words only, so that text which merely contains their letters or digits passes. */
class BlindingCheckTest {

    private static final Set<String> TERMS = BlindingCheck.identifyingTerms(List.of("Avery Lee 123"),
            List.of("Lincoln Elementary School"));

    @Test
    void aNameIsFoundAsAWordAndNotInsideAnother() {
        assertThat(rules("Avery met the team.")).containsExactly("blinding-name");
        assertThat(rules("Report 123 was filed.")).containsExactly("blinding-name");
        assertThat(rules("We visited Lincoln Elementary School.")).containsExactly("blinding-name");
        assertThat(rules("Teachers from Leeds and codes x0123, 20123 and 1234 and Averys.")).isEmpty();
    }

    @Test
    void namesAreFoundInAnyLetterCaseAndAddressesWhereverTheyAre() {
        assertThat(rules("AVERY wrote it.")).containsExactly("blinding-name");
        assertThat(rules("We met at lincoln ELEMENTARY school.")).containsExactly("blinding-name");
        assertThat(rules("Write to staff@school.example.org today.")).containsExactly("blinding-email");
    }

    @Test
    void whatAScorerReadsHasTheNamesRedactedAndTheRestLeftAlone() {
        assertThat(BlindingCheck.redact("Avery Lee 123 wrote code x0123 in Leeds.", TERMS))
                .isEqualTo("[redacted] wrote code x0123 in Leeds.");
    }

    private static List<String> rules(String text) {
        return BlindingCheck.check(text, "B", "B.docx", TERMS).stream().map(ReadinessFinding::rule).toList();
    }
}

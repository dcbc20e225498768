package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.palflow.support.Browser;

/**
 * Sasha's Task 1 scored well below the threshold: the task list, the score report with its indicators, a rescoring asked
 * for from the page, the new attempt the rules allow, and the licensure decision on My case, in Chromium with axe.
 */
class ScoreReportInTheBrowserTest extends ScoringTest {

    @Test
    void aCandidateReadsTheirScoreReportAsksForRescoringAndSeesTheDecision() {
        InScoring scored = released("sasha", 1, 601, "1.50");
        long submissionId = scored.submissionId();
        eventually(() -> Optional.of(as("sasha").get("/api/registrations/mine").getBody().get("id").asLong())
                .filter(candidate -> as("sasha").get("/api/candidates/" + candidate + "/licensure-decision")
                        .getStatusCode().is2xxSuccessful()));

        try (Browser sasha = Browser.open(port, 1280)) {
            sasha.signIn("sasha").visit("/candidate/tasks");
            assertThat(sasha.text("#task-1")).contains("Scored 1.50, below the 2.10 threshold");
            sasha.assertAccessible().screenshot("21-my-tasks-scored");

            sasha.click("#task-1 a[href='/submissions/" + submissionId + "']");
            assertThat(sasha.text("#task-score")).isEqualTo("Task score 1.50, below the 2.10 threshold.");
            assertThat(sasha.text("table")).contains("1.a.1", "1.50");
            assertThat(sasha.all("#no-new-attempt")).as("below the threshold, the task may be drafted again")
                    .isEmpty();
            sasha.assertAccessible().screenshot("22-score-report");

            sasha.submit("form[action='/submissions/" + submissionId + "/rescoring'] button");
            assertThat(sasha.text("[role=status]")).contains("Rescoring is requested");
            assertThat(sasha.text("main")).contains("Rescoring: Requested.");
            assertThat(sasha.all("form[action$='/rescoring']")).as("asked once").isEmpty();

            sasha.visit("/candidate");
            assertThat(sasha.text("#licensure-decision")).containsIgnoringCase("Does not meet the PAL standard yet")
                    .contains("Task 1");
            sasha.assertAccessible().screenshot("23-my-case-decision");
        }
        try (Browser other = Browser.open(port, 1280)) {
            other.signIn("blake").visit("/submissions/" + submissionId);
            assertThat(other.text("h1")).isEqualTo("Page not found");
        }
    }
}

package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.palflow.support.Browser;

/**
 * Sky's Task 1 scored well below the threshold: the task list, the score report with its indicators, a rescoring asked
 * for from the page, the new attempt the rules allow, and the licensure decision on My case, in Chromium with axe.
 */
class ScoreReportInTheBrowserTest extends ScoringTest {

    @Test
    void aCandidateReadsTheirScoreReportAsksForRescoringAndSeesTheDecision() {
        InScoring scored = released("sky", 1, 701, "1.50");
        long submissionId = scored.submissionId();
        eventually(() -> Optional.of(as("sky").get("/api/registrations/mine").getBody().get("id").asLong())
                .filter(candidate -> as("sky").get("/api/candidates/" + candidate + "/licensure-decision")
                        .getStatusCode().is2xxSuccessful()));

        try (Browser sky = Browser.open(port, 1280)) {
            sky.signIn("sky").visit("/candidate/tasks");
            assertThat(sky.text("#task-1")).contains("Scored 1.50, below the 2.10 threshold");
            sky.assertAccessible().screenshot("21-my-tasks-scored");

            sky.follow("#task-1 a[href='/submissions/" + submissionId + "']");
            assertThat(sky.text("#task-score")).isEqualTo("Task score 1.50, below the 2.10 threshold.");
            assertThat(sky.text("table")).contains("1.a.1", "1.50");
            assertThat(sky.text("#score-policy")).as("the report states how scores are rounded")
                    .contains("mean of its indicator scores, unrounded", "truncated to two decimals");
            assertThat(sky.all("#no-new-attempt")).as("below the threshold, the task may be drafted again")
                    .isEmpty();
            sky.assertAccessible().screenshot("22-score-report");

            sky.submit("form[action='/submissions/" + submissionId + "/rescoring'] button");
            assertThat(sky.text("[role=status]")).contains("Rescoring is requested");
            assertThat(sky.text("main")).contains("Rescoring: Requested.");
            assertThat(sky.all("form[action$='/rescoring']")).as("asked once").isEmpty();

            sky.visit("/candidate");
            assertThat(sky.text("#licensure-decision")).containsIgnoringCase("Does not meet the PAL standard yet")
                    .contains("Task 1");
            sky.assertAccessible().screenshot("23-my-case-decision");
        }
        try (Browser other = Browser.open(port, 1280)) {
            other.signIn("blake").visit("/submissions/" + submissionId);
            assertThat(other.text("h1")).isEqualTo("Page not found");
        }
    }
}

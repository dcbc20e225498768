package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palflow.support.Browser;

/**
 * A scorer scores Sky's Task 2 in Chromium, blinded, with a condition code on one indicator; the score report
 * reaches Sky. No page the scorer sees carries Sky's name, e-mail, school, district or program.
 */
class ScorerScoresInTheBrowserTest extends ScoringTest {

    @Test
    void aScorerScoresABlindedSubmissionWithAConditionCodeAndTheCandidateReadsTheReport() {
        InScoring scoring = inScoring("sky", 2, 702);
        long assignment = scoring.first().id();
        JsonNode sky = as("sky").get("/api/registrations/mine").getBody();
        List<String> identifying = List.of(sky.get("fullName").asText(), sky.get("email").asText(),
                sky.get("school").asText(), sky.get("district").asText(), sky.get("programCode").asText());

        try (Browser scorer = Browser.open(port, 1280)) {
            scorer.signIn(scorerOf(scoring.first()));
            assertThat(scorer.path()).as("a scorer lands on their assignments").isEqualTo("/scorer");
            assertThat(scorer.text("#open #assignment-" + assignment)).contains("Task 2", "First");
            assertBlinded(scorer, identifying);
            scorer.assertAccessible().screenshot("40-scorer-assignments");

            scorer.follow("a[href='/scorer/assignments/" + assignment + "']");
            assertBlinded(scorer, identifying);
            scorer.click("button[aria-controls^=evidence-]");
            scorer.type("[id='score-2.a.1']", "3.25");
            await().atMost(Duration.ofSeconds(10)).until(() -> scorer.text("[id='band-2-a-1']").equals("Band: Meeting"));
            scorer.screenshot("41-scorer-rubric");

            scorer.submit("main form button[type=submit]");
            assertThat(scorer.text("#refusal")).as("nothing recorded from an unfinished sheet")
                    .contains("2.a.2 needs either a score or a condition code");
            assertThat(scorer.find("[id='score-2.a.1']").getAttribute("value")).as("what was typed is kept")
                    .isEqualTo("3.25");
            for (String indicator : List.of("2.a.2", "2.b.1", "2.b.2", "2.c.1")) {
                scorer.type("[id='score-" + indicator + "']", "3.00");
            }
            scorer.select("[id='code-2.c.2']", "F").submit("main form button[type=submit]");
            assertThat(scorer.text("#task-result")).isEqualTo("No task score: condition code F.");
            assertBlinded(scorer, identifying);
            scorer.screenshot("42-scorer-confirm");
            scorer.submit("button[formaction$='/edit']");
            assertThat(scorer.find("[id='score-2.b.1']").getAttribute("value")).isEqualTo("3.00");
            scorer.submit("main form button[type=submit]").submit("main form button:not([formaction])");
            assertThat(scorer.path()).isEqualTo("/scorer");
            assertThat(scorer.text("[role=status]")).contains("The score is recorded");
            assertThat(scorer.all("#open #assignment-" + assignment)).as("no longer to score").isEmpty();
            assertThat(scorer.text("#scored #assignment-" + assignment)).contains("Task 2", "First");
            assertThat(scorer.text("#scored p")).as("the page says whether it lists all of them")
                    .startsWith(scorer.all("#scored tbody tr").size() < 20 ? "Every assignment you scored, latest first"
                            : "The last 20 you scored, latest first");
            scorer.assertAccessible();
        }

        awaitProcess(scoring.instance(), process -> process.isWaitingAtElements("score-report-date"));
        JsonNode report = reportOnItsDate("sky", scoring);
        assertThat(report.get("incomplete").asBoolean()).isTrue();
        assertThat(report.get("conditionCodes").has("F")).isTrue();
        try (Browser candidate = Browser.open(port, 390)) {
            candidate.signIn("sky").visit("/submissions/" + scoring.submissionId());
            assertThat(candidate.text("#task-score")).contains("Incomplete");
            assertThat(candidate.text("main")).contains("A strategy was not implemented");
            candidate.screenshot("43-score-report-incomplete-phone");
        }
    }

    /** The page's HTML, not only its visible text, names nobody. */
    private static void assertBlinded(Browser scorer, List<String> identifying) {
        String html = scorer.html();
        for (String term : identifying) {
            assertThat(html).as(scorer.path() + " names the candidate").doesNotContainIgnoringCase(term);
        }
    }
}

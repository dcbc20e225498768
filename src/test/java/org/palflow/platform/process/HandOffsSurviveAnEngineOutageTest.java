package org.palflow.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palflow.scoring.ScoringPurpose;
import org.palflow.scoring.ScoringTest;
import org.palflow.support.TestMail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The engine becomes unreachable right after a change is committed. The API still answers success, the engine
 * hears nothing during the outage, and once it is back the stored event reaches it without anybody sending
 * anything again: each case continues, and each hand-off happens once.
 */
class HandOffsSurviveAnEngineOutageTest extends ScoringTest {

    @AfterEach
    void engineIsBack() {
        engineOutage.end();
    }

    @Test
    void aRegistrationAndAMentorsAnswerReachTheEngineOnceItIsBack() {
        engineOutage.begin();
        ResponseEntity<JsonNode> registered = as("casey").post("/api/registrations", newCandidate("Outage Candidate"));
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = registered.getBody().get("id").asLong();
        awaitRefused();
        assertThat(instancesWith("candidate-registration", "registrationId", id)).isEmpty();
        assertThat(progress(id).get("stage").asText()).isEqualTo("REGISTRATION_CHECK");

        engineOutage.end();
        awaitStage(id, "AWAITING_MENTOR_PROPOSAL");
        assertThat(instancesWith("candidate-registration", "registrationId", id)).hasSize(1);
        String email = registered.getBody().get("email").asText();
        eventually(() -> Optional.of(TestMail.subjectsTo(email)).filter(subjects -> subjects.contains("Welcome to PAL Flow")));
        assertThat(TestMail.subjectsTo(email)).containsOnlyOnce("Welcome to PAL Flow");

        long mentoring = processInstanceWith("mentor-assignment", "candidateId", id);
        engineOutage.begin();
        ResponseEntity<JsonNode> proposed = as("casey").post("/api/candidates/" + id + "/mentor-proposals",
                Map.of("mentorId", 1));
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitRefused();
        processInstance(mentoring).isWaitingAtElements("await-mentor-proposal");
        engineOutage.end();
        awaitProcess(mentoring, process -> process.isWaitingAtElements("await-mentor-response"));

        engineOutage.begin();
        assertThat(as("morgan").postEmpty("/api/mentor-proposals/" + proposed.getBody().get("id").asLong()
                + "/acceptance").getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitRefused();
        processInstance(mentoring).isWaitingAtElements("await-mentor-response");
        engineOutage.end();
        awaitProcess(mentoring, process -> process.isCompleted()).hasPassedElement("record-mentorship");
        assertThat(TestMail.awaitSubjectsTo(email, "Your PAL mentor")).containsOnlyOnce("Your PAL mentor");
    }

    @Test
    void aScoreItsReleaseAndARescoringRequestReachTheEngineAndTheReleaseGetsExactlyOneDecision() {
        InScoring scoring = inScoring("harper", 3, 303);
        engineOutage.begin();
        assertThat(scoreAll(scoring.first(), 3, "3.00").getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitRefused();
        processInstance(scoring.instance()).isWaitingAtElements("await-score");
        engineOutage.end();
        awaitProcess(scoring.instance(), process -> process.isWaitingAtElements("score-report-date"));

        long harper = as("harper").get("/api/registrations/mine").getBody().get("id").asLong();
        Set<Long> decisionsBefore = instancesWith("licensure-decision", "candidateId", harper);
        engineOutage.begin();
        reachReportDateOf("harper", scoring.submissionId());
        awaitProcess(scoring.instance(), process -> process.isCompleted());
        awaitRefused();
        assertThat(instancesWith("licensure-decision", "candidateId", harper)).isEqualTo(decisionsBefore);
        engineOutage.end();
        eventually(() -> Optional.of(instancesWith("licensure-decision", "candidateId", harper))
                .filter(decisions -> decisions.size() == decisionsBefore.size() + 1));
        pause(Duration.ofSeconds(3));
        assertThat(instancesWith("licensure-decision", "candidateId", harper)).as("one decision per release")
                .hasSize(decisionsBefore.size() + 1);

        engineOutage.begin();
        ResponseEntity<JsonNode> requested = as("harper").postEmpty("/api/submissions/" + scoring.submissionId()
                + "/rescoring");
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitRefused();
        assertThat(instancesWith("rescoring", "submissionId", scoring.submissionId())).isEmpty();
        engineOutage.end();
        processInstanceWith("rescoring", "submissionId", scoring.submissionId());
        pause(Duration.ofSeconds(2));
        assertThat(instancesWith("rescoring", "submissionId", scoring.submissionId())).hasSize(1);
    }

    @Test
    void aDraftItsComponentsAndItsSubmissionReachTheEngineOnceItIsBack() {
        mentoredByMorgan("emery");
        engineOutage.begin();
        ResponseEntity<JsonNode> opened = as("emery").post("/api/drafts", Map.of("task", 3));
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long draft = opened.getBody().get("id").asLong();
        awaitRefused();
        assertThat(instancesWith("task-drafting", "draftId", draft)).isEmpty();
        engineOutage.end();
        long drafting = processInstanceWith("task-drafting", "draftId", draft);
        awaitProcess(drafting, process -> process.isWaitingAtElements("await-component-done"));

        engineOutage.begin();
        assertThat(as("emery").postEmpty("/api/drafts/" + draft + "/components/INVESTIGATE/done").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        awaitRefused();
        processInstance(drafting).isWaitingAtElements("await-component-done");
        engineOutage.end();
        awaitProcess(drafting, process -> process.isWaitingAtElements("await-component-review"));

        engineOutage.begin();
        assertThat(as("morgan").post("/api/drafts/" + draft + "/components/INVESTIGATE/review",
                Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitRefused();
        processInstance(drafting).isWaitingAtElements("await-component-review");
        engineOutage.end();
        awaitProcess(drafting, process -> process.hasPassedElement("open-next-component", 2)
                .isWaitingAtElements("await-component-done"));

        assertThat(draftWithEvidence("emery", 3, 103, null)).isEqualTo(draft);
        // The files are read through the engine too: only the submission's hand-off is to meet the outage.
        eventually(() -> Optional.of(as("emery").get("/api/drafts/" + draft + "/readiness").getBody())
                .filter(report -> !report.toString().contains("not-yet-read")));
        engineOutage.begin();
        long submission = submitDraft("emery", draft);
        awaitRefused();
        assertThat(instancesWith("task-scoring", "submissionId", submission)).isEmpty();
        engineOutage.end();
        awaitProcess(drafting, process -> process.isCompleted());
        processInstanceWith("task-scoring", "submissionId", submission);
        assertThat(instancesWith("task-scoring", "submissionId", submission)).hasSize(1);
        assertThat(instancesWith("task-drafting", "draftId", draft)).hasSize(1);
    }

    @Test
    void anAdministrativeReviewDecisionReachesTheEngineOnceItIsBack() {
        String passage = prose(new Random(9191), 150);
        openWindow(1, 30);
        long original = submit("kendall", 4, 604, passage);
        closeWindowOf("kendall", original);
        awaitAssignment(original, ScoringPurpose.FIRST);
        openWindow(1, 30);
        long copy = submit("drew", 3, 403, passage);
        long scoring = scoringInstance(copy);
        closeWindowOf("drew", copy);
        awaitProcess(scoring, process -> process.isWaitingAtElements("review-decided"));

        engineOutage.begin();
        assertThat(as("alex").post("/api/admin/reviews/" + copy + "/decision", Map.of("outcome", "CLEARED"))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitRefused();
        processInstance(scoring).isWaitingAtElements("review-decided");
        assertThat(as("alex").post("/api/admin/reviews/" + copy + "/decision", Map.of("outcome", "CLEARED"))
                .getStatusCode()).as("the same decision again answers the decision").isEqualTo(HttpStatus.OK);
        engineOutage.end();
        awaitProcess(scoring, process -> process.isWaitingAtElements("await-score"))
                .hasPassedElementsInOrder("review-decided", "notify-review-outcome", "review-cleared", "assign-scorer");
    }

    private void awaitRefused() {
        eventually(() -> Optional.of(engineOutage.refused()).filter(refused -> refused > 0));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

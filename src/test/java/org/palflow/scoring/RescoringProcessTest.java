package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palflow.support.AtOnce;
import org.palflow.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of processes/rescoring.bpmn: the new result stands beyond the gap, the original is confirmed within it. */
class RescoringProcessTest extends ScoringTest {

    @Autowired
    TaskScoreRepository taskScores;
    @Autowired
    Rescorings rescorings;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRescoringBeyondTheGapStandsAsACorrectionThatPointsAtTheOriginal() throws Exception {
        InScoring released = released("harper", 2, 302, "3.00");
        long submissionId = released.submissionId();
        TaskScore original = taskScores.findBySubmissionIdOrderByIdAsc(submissionId).get(0);

        // Asked for four times at once (a double click, a retry): one request, and every answer is that request.
        List<ResponseEntity<JsonNode>> answers = AtOnce.send(4, i -> () -> as("harper").postEmpty("/api/submissions/"
                + submissionId + "/rescoring"));
        ResponseEntity<JsonNode> requested = answers.get(0);
        for (ResponseEntity<JsonNode> answer : answers) {
            assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody())).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(answer.getBody()).isEqualTo(requested.getBody());
        }
        ResponseEntity<JsonNode> again = as("harper").postEmpty("/api/submissions/" + submissionId + "/rescoring");
        assertThat(again.getBody()).as("asking again answers with the same request").isEqualTo(requested.getBody());

        long rescoring = processInstanceWith("rescoring", "submissionId", submissionId);
        Assignment rescorer = awaitAssignment(submissionId, ScoringPurpose.RESCORING);
        assertThat(rescorer.scorerId()).as("not the first scorer").isNotEqualTo(released.first().scorerId());
        scoreAll(rescorer, 2, "2.50");
        awaitProcess(rescoring, process -> process.isCompleted())
                .hasPassedElementsInOrder("rescoring-requested", "assign-scorer", "await-score", "decide-rescoring",
                        "rescoring-decided");

        JsonNode report = as("harper").get("/api/submissions/" + submissionId + "/score-report").getBody();
        assertThat(report.get("taskScore").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(report.get("amended").asBoolean()).isTrue();
        assertThat(report.get("replacesScoreId").asLong()).isEqualTo(original.getId());
        assertThat(report.get("rescoring").asText()).isEqualTo("CHANGED");
        TaskScore stored = taskScores.findById(original.getId()).orElseThrow();
        assertThat(stored.getTaskScore()).as("the original is never changed").isEqualByComparingTo("3.00");
        TestMail.awaitSubjectsTo("harper.candidate@palflow.example", "Your amended PAL Task 2 score report");

        assertThat(rescorings.decide(submissionId).changed()).as("a redelivered job, same verdict").isTrue();
        assertThat(taskScores.findBySubmissionIdOrderByIdAsc(submissionId)).hasSize(2);
        assertThat(as("harper").get("/api/submissions/" + submissionId + "/score-report").getBody()
                .get("rescoring").asText()).isEqualTo("CHANGED");
        assertThat(TestMail.subjectsTo("harper.candidate@palflow.example"))
                .doesNotContain("Your PAL Task 2 rescoring");
    }

    /** Every request of this case is sent twice with one Idempotency-Key, as by a client that lost the answers. */
    @Test
    void aRescoringWithinTheGapConfirmsTheOriginal() {
        openWindow(1, 30);
        long draftId = draftWithEvidence("drew", 4, 404, null);
        eventually(() -> Optional.of(as("drew").get("/api/drafts/" + draftId + "/readiness").getBody())
                .filter(readiness -> !readiness.toString().contains("not-yet-read")));
        String submission = "/api/drafts/" + draftId + "/submission";
        Map<String, Object> acknowledged = Map.of("acknowledgeWarnings", true);
        String submissionKey = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> submitted = as("drew").post(submission, acknowledged, submissionKey);
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
        assertFirstAnswerAgain(submitted, as("drew").post(submission, acknowledged, submissionKey));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_submission WHERE draft_id = ?", Integer.class,
                draftId)).isEqualTo(1);

        long submissionId = submitted.getBody().get("id").asLong();
        long instance = scoringInstance(submissionId);
        closeWindowOf("drew", submissionId);
        Assignment first = awaitAssignment(submissionId, ScoringPurpose.FIRST);
        String scoreKey = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> scored = scoreAll(first, 4, "3.00", scoreKey);
        assertThat(scored.getStatusCode()).as(String.valueOf(scored.getBody())).isEqualTo(HttpStatus.OK);
        assertFirstAnswerAgain(scored, scoreAll(first, 4, "3.00", scoreKey));
        awaitProcess(instance, process -> process.isWaitingAtElements("score-report-date"));
        assertThat(reportOnItsDate("drew", new InScoring(submissionId, instance, first)).get("taskScore").decimalValue()).isEqualByComparingTo("3.00");

        String rescoringKey = UUID.randomUUID().toString();
        String rescoringPath = "/api/submissions/" + submissionId + "/rescoring";
        ResponseEntity<JsonNode> requested = as("drew").postEmpty(rescoringPath, rescoringKey);
        assertThat(requested.getStatusCode()).as(String.valueOf(requested.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        assertFirstAnswerAgain(requested, as("drew").postEmpty(rescoringPath, rescoringKey));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rescoring_request WHERE submission_id = ?",
                Integer.class, submissionId)).isEqualTo(1);
        long rescoring = processInstanceWith("rescoring", "submissionId", submissionId);
        scoreAll(awaitAssignment(submissionId, ScoringPurpose.RESCORING), 4, "3.20");
        awaitProcess(rescoring, process -> process.isCompleted()).hasPassedElement("decide-rescoring");

        JsonNode report = as("drew").get("/api/submissions/" + submissionId + "/score-report").getBody();
        assertThat(report.get("taskScore").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(report.get("amended").asBoolean()).isFalse();
        assertThat(report.get("rescoring").asText()).isEqualTo("CONFIRMED");
        assertThat(taskScores.findBySubmissionIdOrderByIdAsc(submissionId)).as("one score for two score sheets sent")
                .hasSize(1);
        eventually(() -> Optional.of(TestMail.subjectsTo("drew.candidate@palflow.example"))
                .filter(subjects -> subjects.contains("Your PAL Task 4 rescoring")));
    }

    private static void assertFirstAnswerAgain(ResponseEntity<JsonNode> first, ResponseEntity<JsonNode> again) {
        assertThat(again.getStatusCode()).isEqualTo(first.getStatusCode());
        assertThat(again.getBody()).isEqualTo(first.getBody());
    }
}

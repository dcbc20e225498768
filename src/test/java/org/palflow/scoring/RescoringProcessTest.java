package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.palflow.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every path of processes/rescoring.bpmn: the new result stands beyond the gap, the original is confirmed within it. */
class RescoringProcessTest extends ScoringTest {

    @Autowired
    TaskScoreRepository taskScores;
    @Autowired
    Rescorings rescorings;

    @Test
    void aRescoringBeyondTheGapStandsAsACorrectionThatPointsAtTheOriginal() {
        InScoring released = released("harper", 2, 302, "3.00");
        long submissionId = released.submissionId();
        TaskScore original = taskScores.findBySubmissionIdOrderByIdAsc(submissionId).get(0);

        ResponseEntity<JsonNode> requested = as("harper").postEmpty("/api/submissions/" + submissionId + "/rescoring");
        assertThat(requested.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        ResponseEntity<JsonNode> again = as("harper").postEmpty("/api/submissions/" + submissionId + "/rescoring");
        assertThat(again.getStatusCode()).as("asking again answers with the same request").isEqualTo(HttpStatus.ACCEPTED);
        assertThat(again.getBody()).isEqualTo(requested.getBody());

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
        assertThat(TestMail.subjectsTo("harper.candidate@palflow.example"))
                .contains("Your amended PAL Task 2 score report");

        assertThat(rescorings.decide(submissionId).changed()).as("a redelivered job, same verdict").isTrue();
        assertThat(taskScores.findBySubmissionIdOrderByIdAsc(submissionId)).hasSize(2);
        assertThat(as("harper").get("/api/submissions/" + submissionId + "/score-report").getBody()
                .get("rescoring").asText()).isEqualTo("CHANGED");
        assertThat(TestMail.subjectsTo("harper.candidate@palflow.example"))
                .doesNotContain("Your PAL Task 2 rescoring");
    }

    @Test
    void aRescoringWithinTheGapConfirmsTheOriginal() {
        InScoring released = released("drew", 4, 404, "3.00");
        long submissionId = released.submissionId();
        as("drew").postEmpty("/api/submissions/" + submissionId + "/rescoring");
        long rescoring = processInstanceWith("rescoring", "submissionId", submissionId);
        scoreAll(awaitAssignment(submissionId, ScoringPurpose.RESCORING), 4, "3.20");
        awaitProcess(rescoring, process -> process.isCompleted()).hasPassedElement("decide-rescoring");

        JsonNode report = as("drew").get("/api/submissions/" + submissionId + "/score-report").getBody();
        assertThat(report.get("taskScore").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(report.get("amended").asBoolean()).isFalse();
        assertThat(report.get("rescoring").asText()).isEqualTo("CONFIRMED");
        assertThat(taskScores.findBySubmissionIdOrderByIdAsc(submissionId)).hasSize(1);
        eventually(() -> Optional.of(TestMail.subjectsTo("drew.candidate@palflow.example"))
                .filter(subjects -> subjects.contains("Your PAL Task 4 rescoring")));
    }
}

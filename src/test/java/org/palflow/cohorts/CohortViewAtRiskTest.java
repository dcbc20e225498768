package org.palflow.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palflow.scoring.ScoringPurpose;
import org.palflow.scoring.ScoringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The at-risk filter lists exactly the candidates whose lines give a reason: it judges each task by the current
 * score of its latest attempt, as the lines do.
 */
class CohortViewAtRiskTest extends ScoringTest {

    static final String COHORT = CohortViewApiTest.COHORT;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CohortFacts facts;

    @Test
    void aScoreCorrectedFromAPassBelowTheThresholdPutsTheCandidateAtRiskWithThatReason() {
        InScoring released = released("drew", 2, 402, "3.00");
        long submissionId = released.submissionId();
        assertThat(as("drew").postEmpty("/api/submissions/" + submissionId + "/rescoring").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        long rescoring = processInstanceWith("rescoring", "submissionId", submissionId);
        scoreAll(awaitAssignment(submissionId, ScoringPurpose.RESCORING), 2, "1.90");
        awaitProcess(rescoring, process -> process.isCompleted());
        JsonNode report = as("drew").get("/api/submissions/" + submissionId + "/score-report").getBody();
        assertThat(report.get("taskScore").decimalValue()).isEqualByComparingTo("1.90");
        Map<String, Object> drew = factsOf("drew");
        assertThat(drew).containsEntry("task2_stage", "SCORED").containsEntry("score_below", true);
        assertThat(drew.get("task2_valid_until")).hasToString(report.get("expiresOn").asText());

        JsonNode atRisk = as("casey").get(COHORT + "?atRisk=true&name=Drew Candidate").getBody();
        assertThat(atRisk.get("total").asLong()).isEqualTo(1);
        assertThat(atRisk.get("candidates").get(0).get("atRisk").toString()).contains("Task 2 scored 1.90, below 2.10");
        // Without a name, both filters select on the projection alone.
        JsonNode everyoneAtRisk = as("casey").get(COHORT + "?atRisk=true&size=200").getBody();
        assertThat(everyoneAtRisk.get("candidates").findValuesAsText("fullName")).contains("Drew Candidate");
        assertThat(everyoneAtRisk.get("candidates")).allSatisfy(listed -> assertThat(listed.get("atRisk"))
                .as("every listed line says why").isNotEmpty());
        JsonNode task2Scored = as("casey").get(COHORT + "?task=2&stage=SCORED&size=200").getBody();
        assertThat(task2Scored.get("candidates").findValuesAsText("fullName")).contains("Drew Candidate");
        assertThat(task2Scored.get("candidates")).allSatisfy(listed -> assertThat(listed.get("tasks").get(1)
                .get("stage").asText()).isEqualTo("SCORED"));
        assertFactsKeptByEventsAreFactsWorkedOutAfresh("drew");
    }

    @Test
    void anEarlierFailedAttemptDoesNotPutACandidateAtRiskOnceTheTaskIsAttemptedAgain() {
        released("finley", 3, 203, "1.50");
        JsonNode failed = as("casey").get(COHORT + "?atRisk=true&name=Finley Candidate").getBody();
        assertThat(failed.get("candidates").get(0).get("atRisk").toString()).contains("Task 3 scored 1.50, below 2.10");

        submit("finley", 3, 213, null);

        JsonNode line = as("casey").get(COHORT + "?name=Finley Candidate").getBody().get("candidates").get(0);
        assertThat(line.get("tasks").get(2).get("stage").asText()).isIn("SUBMITTED", "IN_WINDOW");
        assertThat(line.get("atRisk").toString()).doesNotContain("Task 3");
        JsonNode atRisk = as("casey").get(COHORT + "?atRisk=true&name=Finley Candidate").getBody();
        atRisk.get("candidates").forEach(listed -> assertThat(listed.get("atRisk")).as("every listed line says why")
                .isNotEmpty());
        assertThat(atRisk.get("total").asLong()).isEqualTo(line.get("atRisk").isEmpty() ? 0 : 1);
        assertFactsKeptByEventsAreFactsWorkedOutAfresh("finley");
    }

    /**
     * The projection the filters read was kept current by the features' events alone: its row is the row worked out
     * afresh from the read models.
     */
    private void assertFactsKeptByEventsAreFactsWorkedOutAfresh(String user) {
        Map<String, Object> kept = factsOf(user);
        jdbc.update("DELETE FROM cohort_candidate_facts WHERE candidate_id = ?", kept.get("candidate_id"));
        assertThat(facts.fillIn()).isPositive();
        assertThat(factsOf(user)).isEqualTo(kept);
    }

    private Map<String, Object> factsOf(String user) {
        long candidateId = as(user).get("/api/registrations/mine").getBody().get("id").asLong();
        return jdbc.queryForMap("SELECT * FROM cohort_candidate_facts WHERE candidate_id = ?", candidateId);
    }
}

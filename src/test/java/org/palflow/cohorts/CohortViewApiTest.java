package org.palflow.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palflow.support.PalFlowTest;
import org.springframework.http.HttpStatus;

/** The coordinator's cohort view: a candidate's line, the at-risk filter, paging rules and who may see it. */
class CohortViewApiTest extends PalFlowTest {

    static final String COHORT = "/api/programs/BAYSTATE-LEAD/cohorts/2026-FALL/candidates";

    @Test
    void aCandidateWhoseProposedMentorStaysSilentIsAtRisk() {
        JsonNode registered = registerAndAwaitDecision(newCandidate("Quiet Mentee"));
        long candidateId = registered.get("id").asLong();
        String name = registered.get("fullName").asText();
        awaitStage(candidateId, "AWAITING_MENTOR_PROPOSAL");

        JsonNode line = onlyLine(as("casey").get(COHORT + "?name=" + name).getBody());
        assertThat(line.get("candidateId").asLong()).isEqualTo(candidateId);
        assertThat(line.get("registrationStatus").asText()).isEqualTo("ACTIVE");
        assertThat(line.get("tasks").findValuesAsText("stage")).containsExactly("NOT_STARTED", "NOT_STARTED",
                "NOT_STARTED", "NOT_STARTED");
        assertThat(line.get("atRisk")).isEmpty();

        as("casey").post("/api/candidates/" + candidateId + "/mentor-proposals", Map.of("mentorId", 1));
        awaitStage(candidateId, "AWAITING_MENTOR_RESPONSE");
        advanceTime(Duration.ofDays(4));
        JsonNode atRisk = as("casey").get(COHORT + "?atRisk=true&size=200&name=" + name).getBody();
        JsonNode risky = onlyLine(atRisk);
        assertThat(risky.get("mentor").asText()).isEqualTo("Morgan Mentor (proposed)");
        assertThat(risky.get("atRisk").get(0).asText()).startsWith("mentor Morgan Mentor has not answered the proposal");
        assertThat(atRisk.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void aTaskFilterSortedByNameSelectsAndCountsWhatItSelectsInOrderOfRegistration() {
        long zed = registerAndAwaitDecision(newCandidate("Zed Sorted")).get("id").asLong();
        long abe = registerAndAwaitDecision(newCandidate("Abe Sorted")).get("id").asLong();
        String notStarted = COHORT + "?task=4&stage=NOT_STARTED&size=200";

        JsonNode newestFirst = as("casey").get(notStarted + "&descending=true").getBody();
        JsonNode aToZ = as("casey").get(notStarted + "&sort=NAME").getBody();
        JsonNode zToA = as("casey").get(notStarted + "&sort=NAME&descending=true").getBody();

        assertThat(aToZ.get("total").asLong()).isEqualTo(newestFirst.get("total").asLong()).isPositive();
        assertThat(ids(newestFirst).subList(0, 2)).containsExactly(abe, zed);
        assertThat(ids(aToZ)).contains(abe);
        assertThat(ids(zToA)).contains(zed);
    }

    private static java.util.List<Long> ids(JsonNode page) {
        return page.get("candidates").findValues("candidateId").stream().map(JsonNode::asLong).toList();
    }

    @Test
    void pagesAreBoundedAndOnlyCoordinatorsAndAdminsSeeCohorts() {
        assertThat(as("casey").get(COHORT + "?size=500").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("morgan").get(COHORT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("blake").get(COHORT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("casey").get("/api/programs/NO-SUCH/cohorts/2026-FALL/candidates").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode page = as("alex").get(COHORT + "?page=0&size=1").getBody();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("candidates").size()).isLessThanOrEqualTo(1);
    }

    @Test
    void aCoordinatorListsTheCohortsOfTheProgramsTheyCoordinate() {
        registerAndAwaitDecision(newCandidate("Counted Candidate"));
        JsonNode cohorts = as("casey").get("/api/coordinator/cohorts").getBody();
        assertThat(cohorts.findValuesAsText("cohort")).containsExactly("2025-FALL", "2026-FALL", "2026-FALL");
        assertThat(cohorts.findValuesAsText("program")).containsExactly("BAYSTATE-LEAD", "BAYSTATE-LEAD", "PIONEER-ED");
        assertThat(cohorts.get(1).get("candidates").asLong()).isPositive();
        assertThat(as("morgan").get("/api/coordinator/cohorts").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static JsonNode onlyLine(JsonNode page) {
        assertThat(page.get("candidates")).as(page.toString()).hasSize(1);
        return page.get("candidates").get(0);
    }
}

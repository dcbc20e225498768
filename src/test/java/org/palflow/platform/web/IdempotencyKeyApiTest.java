package org.palflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** A create request sent twice with one Idempotency-Key stores one record and answers the first answer twice. */
class IdempotencyKeyApiTest extends PalFlowTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aScoringWindowSentTwiceWithOneKeyIsCreatedOnce() {
        String name = "Idempotent window " + UUID.randomUUID();
        // Long past, so the window takes no other test's submission.
        Map<String, Object> window = Map.of("name", name, "submissionDeadline", "2001-01-15",
                "scoreReportDate", "2001-02-15",
                "accepts", List.of(Map.of("handbookVersion", "2025-26", "tasks", List.of(3))));
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = as("alex").post("/api/scoring-windows", window, key);
        ResponseEntity<JsonNode> again = as("alex").post("/api/scoring-windows", window, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scoring_window WHERE name = ?", Integer.class, name))
                .isEqualTo(1);
    }

    @Test
    void aRegistrationSentTwiceWithOneKeyGetsTheFirstAnswerBothTimes() {
        Map<String, Object> candidate = newCandidate("Keyed Candidate");
        String key = UUID.randomUUID().toString();

        ResponseEntity<JsonNode> first = as("casey").post("/api/registrations", candidate, key);
        ResponseEntity<JsonNode> again = as("casey").post("/api/registrations", candidate, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).as("the first answer, not 200 for an existing case")
                .isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM candidate_registration WHERE email = ?", Integer.class,
                candidate.get("email"))).isEqualTo(1);
    }

    @Test
    void aCohortImportSentTwiceWithOneKeyRegistersItsRowsOnce() {
        String email = "imported." + UUID.randomUUID() + "@test.example";
        String csv = "full_name,email,district,school,handbook_version,policies_confirmed\n"
                + "Keyed Import," + email + ",Springfield Public Schools,Lincoln Elementary School,2025-26,true\n";
        String key = UUID.randomUUID().toString();
        String cohort = "/api/programs/BAYSTATE-LEAD/cohorts/2026-FALL/registrations";

        ResponseEntity<JsonNode> first = as("casey").postCsv(cohort, csv, key);
        ResponseEntity<JsonNode> again = as("casey").postCsv(cohort, csv, key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("created").asInt()).isEqualTo(1);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM candidate_registration WHERE email = ?", Integer.class,
                email)).isEqualTo(1);
    }

    @Test
    void aMentorProposalAndADraftSentTwiceWithOneKeyAreMadeOnce() {
        JsonNode registered = registerAndAwaitDecision(newCandidate("Keyed Mentee"));
        long candidateId = registered.get("id").asLong();
        awaitStage(candidateId, "AWAITING_MENTOR_PROPOSAL");
        String proposalKey = UUID.randomUUID().toString();
        String proposals = "/api/candidates/" + candidateId + "/mentor-proposals";
        ResponseEntity<JsonNode> proposed = as("casey").post(proposals, Map.of("mentorId", 1), proposalKey);
        assertThat(as("casey").post(proposals, Map.of("mentorId", 1), proposalKey).getBody())
                .isEqualTo(proposed.getBody());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mentor_proposal p JOIN mentor_assignment a "
                + "ON a.id = p.assignment_id WHERE a.candidate_id = ?", Integer.class, candidateId)).isEqualTo(1);

        long kendall = as("kendall").post("/api/registrations", candidate("Kendall Candidate",
                "kendall.candidate@palflow.example")).getBody().get("id").asLong();
        eventually(() -> Optional.of(progress(kendall)).filter(p -> !p.get("stage").asText().startsWith("REGISTRATION")));
        String draftKey = UUID.randomUUID().toString();
        ResponseEntity<JsonNode> opened = as("kendall").post("/api/drafts", Map.of("task", 2), draftKey);
        ResponseEntity<JsonNode> openedAgain = as("kendall").post("/api/drafts", Map.of("task", 2), draftKey);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(openedAgain.getStatusCode()).as("the first answer, not 200 for the open draft")
                .isEqualTo(HttpStatus.CREATED);
        assertThat(openedAgain.getBody()).isEqualTo(opened.getBody());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_draft WHERE candidate_id = ? AND task_number = 2",
                Integer.class, kendall)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefusedAndStoresNothing() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = newCandidate("First Keyed");
        Map<String, Object> other = newCandidate("Other Keyed");
        assertThat(as("casey").post("/api/registrations", first, key).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ResponseEntity<JsonNode> reused = as("casey").post("/api/registrations", other, key);

        assertThat(reused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(reused.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(reused.getBody().get("detail").asText()).contains("was sent before with another request");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM candidate_registration WHERE email = ?", Integer.class,
                other.get("email"))).isZero();
    }

    @Test
    void aKeyWhoseFirstRequestDiedUnansweredMayBeUsedAgain() {
        String key = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO idempotent_request (owner, idempotency_key, request_hash, created_at) "
                + "VALUES ('casey', ?, 'left by a server that died', ?)", key,
                java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofMinutes(10))));
        Map<String, Object> candidate = newCandidate("Abandoned Key");
        assertThat(as("casey").post("/api/registrations", candidate, key).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);

        String killed = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO idempotent_request (owner, idempotency_key, request_hash, created_at, claimed_by) "
                + "VALUES ('casey', ?, 'left by a server run killed a moment ago', ?, ?)", killed,
                java.sql.Timestamp.from(clock.instant()), UUID.randomUUID().toString());
        assertThat(as("casey").post("/api/registrations", newCandidate("Killed Run"), killed).getStatusCode())
                .as("a key whose server run is gone is free at once").isEqualTo(HttpStatus.CREATED);

        String running = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO idempotent_request (owner, idempotency_key, request_hash, created_at) "
                + "VALUES ('casey', ?, 'still running', ?)", running, java.sql.Timestamp.from(clock.instant()));
        ResponseEntity<JsonNode> meanwhile = as("casey").post("/api/registrations", candidate, running);
        assertThat(meanwhile.getStatusCode()).as("another request with the key of one still running")
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void keysArePerPersonAndMustBeShortVisibleText() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> window = Map.of("name", "Per person " + key);
        assertThat(as("alex").post("/api/scoring-windows", window, key).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("casey").post("/api/scoring-windows", window, key).getStatusCode())
                .as("another person's key is theirs alone").isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> tooLong = as("alex").post("/api/scoring-windows", window, "k".repeat(81));
        assertThat(tooLong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLong.getBody().get("errors").toString()).contains("Idempotency-Key must be 1 to 80");
    }
}

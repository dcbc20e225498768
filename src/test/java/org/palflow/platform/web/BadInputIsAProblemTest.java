package org.palflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palflow.support.PalFlowTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Findings of the outside probe that answered 500 or the wrong thing: each is now a 4xx problem. */
class BadInputIsAProblemTest extends PalFlowTest {

    private static final String COHORT = "/api/programs/BAYSTATE-LEAD/cohorts/2026-FALL";

    @Test
    void aCohortFileWithAnUnclosedQuoteIsA400NamingTheLine() {
        ResponseEntity<JsonNode> response = as("casey").postCsv(COHORT + "/registrations",
                "full_name,email,district,school,handbook_version,policies_confirmed\n"
                        + "Quinn Quote,quinn.quote@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,yes\n"
                        + "\"Unclosed,un.closed@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,yes\n");
        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).startsWith("Nothing was imported: the file is not valid CSV");
        assertThat(response.getBody().get("errors").get(0).get("line").asInt()).isGreaterThan(1);
        assertThat(as("casey").get(COHORT + "/candidates?name=Quinn%20Quote").getBody().get("total").asLong())
                .as("nothing stored").isZero();
    }

    @Test
    void anUnknownRegistrationStatusIsA400AndLikeWildcardsMatchThemselves() {
        assertProblem(as("casey").get(COHORT + "/candidates?status=NOPE"), HttpStatus.BAD_REQUEST);
        registerAndAwaitDecision(newCandidate("Plain Name"));
        assertThat(as("casey").get(COHORT + "/candidates?name=%25").getBody().get("total").asLong())
                .as("% is a character to find, not a wildcard").isZero();
        assertThat(as("casey").get(COHORT + "/candidates?name=_").getBody().get("total").asLong()).isZero();
    }

    @Test
    void aTaskNumberWithAFractionIsA400() {
        assertProblem(as("blake").post("/api/drafts", Map.of("task", 2.5)), HttpStatus.BAD_REQUEST);
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("a problem body").isTrue();
    }
}

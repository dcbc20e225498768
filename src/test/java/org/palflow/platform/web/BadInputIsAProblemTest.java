package org.palflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
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
        assertThat(as("casey").get(COHORT + "/candidates?name=Quinn Quote").getBody().get("total").asLong())
                .as("nothing stored").isZero();
    }

    @Test
    void anUnknownRegistrationStatusIsA400AndLikeWildcardsMatchThemselves() {
        assertProblem(as("casey").get(COHORT + "/candidates?status=NOPE"), HttpStatus.BAD_REQUEST);
        registerAndAwaitDecision(newCandidate("Plain Name"));
        assertThat(as("casey").get(COHORT + "/candidates?name=Plain").getBody().get("total").asLong())
                .as("the name filter finds by a part of the name").isPositive();
        assertThat(as("casey").get(COHORT + "/candidates?name=%").getBody().get("total").asLong())
                .as("% is a character to find, not a wildcard").isZero();
        assertThat(as("casey").get(COHORT + "/candidates?name=_").getBody().get("total").asLong()).isZero();
    }

    @Test
    void aValueOfTheWrongKindIsA400SayingWhatItTakes() {
        assertRefusal(as("casey").get(COHORT + "/candidates?task=2&stage=SUBMITTED"), "stage",
                "must be one of NOT_STARTED, DRAFTING, IN_SCORING, SCORED, EXPIRED, INCOMPLETE");
        assertRefusal(as("casey").get("/api/candidates/abc/progress"), "candidateId",
                "must be a whole number up to 9223372036854775807");
        assertRefusal(as("blake").post("/api/drafts", Map.of("task", "two")), "task",
                "must be a whole number up to 2147483647");
        assertRefusal(as("alex").post("/api/admin/reviews/1/decision", Map.of("outcome", "MAYBE")), "outcome",
                "must be one of OPEN, CLEARED, VOIDED");
        assertRefusal(as("alex").post("/api/scoring-windows", Map.of("name", "Window", "submissionDeadline",
                "2027-13-40", "scoreReportDate", "2027-04-01")), "submissionDeadline",
                "must be a date written as year-month-day, such as 2027-03-04");
        assertRefusal(as("casey").post("/api/registrations", with(newCandidate("Yes Maybe"), "policiesConfirmed",
                "maybe")), "policiesConfirmed", "must be true or false");
        assertRefusal(as("blake").putBytes("/api/drafts/1/parts/A/file", new byte[] {1}), "name", "is required");
    }

    private static void assertRefusal(ResponseEntity<JsonNode> response, String field, String message) {
        assertProblem(response, HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(response.getBody().get("errors").get(0).get("message").asText()).isEqualTo(message);
    }

    @Test
    void aTaskNumberWithAFractionIsA400() {
        assertProblem(as("blake").post("/api/drafts", Map.of("task", 2.5)), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aScoringWindowBeyondItsColumnsOrWithAnEmptyEntryIsA400AndNotStored() {
        Map<String, Object> window = new HashMap<>(Map.of("name", "Probe window", "submissionDeadline", "2027-03-01",
                "scoreReportDate", "2027-04-01",
                "accepts", List.of(Map.of("handbookVersion", "2025-26", "tasks", List.of(1)))));
        assertThat(windowErrors(with(window, "name", "N".repeat(300)))).contains("name must be at most 120 characters");
        assertThat(windowErrors(with(window, "accepts", Arrays.asList((Object) null))))
                .contains("each entry of accepts names a handbookVersion and its tasks");
        assertThat(windowErrors(with(window, "scoreReportDate", "+999999-05-21")))
                .contains("submissionDeadline and scoreReportDate must fall in the years 2000 to 2099");
        assertThat(as("alex").get("/api/scoring-windows").getBody().findValuesAsText("name"))
                .as("nothing stored").noneMatch(name -> name.startsWith("NNN") || name.equals("Probe window"));
    }

    @Test
    void controlAndDirectionOverrideCharactersInAnyTextFieldAreA400NamingTheField() {
        for (String name : List.of("Ann\u0000Bell", "Ann\u0007Bell", "Ann\u202EBell")) {
            Map<String, Object> candidate = with(newCandidate("Plain"), "fullName", name);
            ResponseEntity<JsonNode> refused = as("casey").post("/api/registrations", candidate);
            assertProblem(refused, HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().get("errors").get(0).get("field").asText()).isEqualTo("fullName");
            assertThat(refused.getBody().get("errors").get(0).get("message").asText())
                    .startsWith("contains the control character U+");
        }
        ResponseEntity<JsonNode> nested = as("alex").post("/api/scoring-windows", Map.of("name", "Window",
                "submissionDeadline", "2027-03-01", "scoreReportDate", "2027-04-01",
                "accepts", List.of(Map.of("handbookVersion", "2025-26\u0000", "tasks", List.of(1)))));
        assertProblem(nested, HttpStatus.BAD_REQUEST);
        assertThat(nested.getBody().get("errors").get(0).get("field").asText())
                .isEqualTo("accepts[0].handbookVersion");

        ResponseEntity<JsonNode> imported = as("casey").postCsv(COHORT + "/registrations",
                "full_name,email,district,school,handbook_version,policies_confirmed\n"
                        + "Bell\u0007Ringer,bell.ringer@test.example,Springfield Public Schools,Lincoln Elementary School,"
                        + "2025-26,yes\n");
        assertProblem(imported, HttpStatus.BAD_REQUEST);
        assertThat(imported.getBody().get("errors").get(0).get("line").asInt()).isEqualTo(2);
        assertThat(imported.getBody().get("errors").get(0).get("message").asText())
                .isEqualTo("full_name: contains the control character U+0007; remove it");
    }

    @Test
    void errorsNoControllerAnswersAreProblemsToo() throws Exception {
        String credentials = java.util.Base64.getEncoder().encodeToString("casey:wrong".getBytes());
        assertRawProblem(raw("/api/programs", "Authorization", "Basic " + credentials), 401);
        assertRawProblem(raw("/api/programs?name=" + "x".repeat(100 * 1024)), 400);
        assertRawProblem(raw("/error"), 404);
        HttpResponse<String> refusedType = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/scoring-windows")).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("alex:alex-pal".getBytes())).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("window")).build());
        assertRawProblem(refusedType, 415);
    }

    private HttpResponse<String> raw(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void assertRawProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.body()).get().asString()
                .startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status);
    }

    private List<String> windowErrors(Map<String, Object> window) {
        ResponseEntity<JsonNode> response = as("alex").post("/api/scoring-windows", window);
        assertProblem(response, HttpStatus.BAD_REQUEST);
        return java.util.stream.StreamSupport.stream(response.getBody().get("errors").spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static void assertProblem(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("a problem body").isTrue();
    }
}

package org.palflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.palflow.platform.embedded.EmbeddedZeebeEngine;
import org.palflow.support.EvidenceFixtures;
import org.junit.jupiter.api.Test;
import org.palflow.PalFlowApplication;
import org.palflow.support.Api;
import org.palflow.support.TestDataDirs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Stops the platform between a mentor proposal and the mentor's answer and starts it again on the same data
 * folder, as a person would: the embedded database keeps the cases and the fresh engine is given them back.
 * No SMTP server is configured here, so mail goes to the outbox folder.
 */
class RestartRecoveryTest {

    private final Path dataDir = TestDataDirs.fresh("restart");

    @Test
    void aDraftWaitingForItsMentorsReviewResumesAfterARestart() throws IOException {
        long draft;
        try (ConfigurableApplicationContext first = start()) {
            int port = port(first);
            long blake = Api.as(port, "blake").post("/api/registrations", Map.of("fullName", "Blake Candidate",
                    "email", "blake.candidate@palflow.example", "programCode", "BAYSTATE-LEAD",
                    "cohortCode", "2026-FALL", "district", "Springfield Public Schools",
                    "school", "Lincoln Elementary School", "handbookVersion", "2025-26", "policiesConfirmed", true))
                    .getBody().get("id").asLong();
            awaitStage(port, blake, "AWAITING_MENTOR_PROPOSAL");
            long proposal = Api.as(port, "casey").post("/api/candidates/" + blake + "/mentor-proposals",
                    Map.of("mentorId", 1)).getBody().get("id").asLong();
            awaitStage(port, blake, "AWAITING_MENTOR_RESPONSE");
            Api.as(port, "morgan").postEmpty("/api/mentor-proposals/" + proposal + "/acceptance");
            awaitStage(port, blake, "MENTORED");
            draft = Api.as(port, "blake").post("/api/drafts", Map.of("task", 1)).getBody().get("id").asLong();
            assertThat(Api.as(port, "blake").postEmpty("/api/drafts/" + draft + "/components/INVESTIGATE/done")
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            await().atMost(Duration.ofSeconds(20)).until(() -> outbox().stream()
                    .anyMatch(name -> name.startsWith("component-review_" + draft + "_INVESTIGATE")));
            submitTask4InAWindow(port);
            await().atMost(Duration.ofSeconds(20)).until(() -> activated(first, "task-scoring", "window-closes"));
        }

        try (ConfigurableApplicationContext second = start()) {
            int port = port(second);
            assertThat(Api.as(port, "morgan").post("/api/drafts/" + draft + "/components/INVESTIGATE/review",
                    Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.OK);
            await().atMost(Duration.ofSeconds(20)).until(() -> Api.as(port, "blake")
                    .postEmpty("/api/drafts/" + draft + "/components/PREPARE/done").getStatusCode() == HttpStatus.OK);
            await().atMost(Duration.ofSeconds(20)).until(() -> outbox().stream()
                    .anyMatch(name -> name.startsWith("component-review_" + draft + "_PREPARE")));
            // The submission's scoring case is back in the fresh engine, waiting for its window's deadline.
            await().atMost(Duration.ofSeconds(20)).until(() -> activated(second, "task-scoring", "window-closes"));
            // With no ELAR address configured, hand-offs go to the app's own stand-in, once per idempotency key.
            assertThat(handOff(port, "restart-check-1")).isEqualTo(201);
            assertThat(handOff(port, "restart-check-1")).isEqualTo(200);
        }
    }

    private static int handOff(int port, String idempotencyKey) throws IOException {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + "/elar-receiver/handoffs"))
                    .header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"tasks\":{}}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Blake submits Task 4 into a window whose deadline is tomorrow; its scoring waits for the deadline. */
    private void submitTask4InAWindow(int port) {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("America/New_York")).plusDays(1);
        assertThat(Api.as(port, "alex").post("/api/scoring-windows", Map.of("name", "Restart window",
                "submissionDeadline", tomorrow.toString(), "scoreReportDate", tomorrow.plusDays(28).toString(),
                "accepts", List.of(Map.of("handbookVersion", "2025-26", "tasks", List.of(4))))).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        Api blake = Api.as(port, "blake");
        long task4 = blake.post("/api/drafts", Map.of("task", 4)).getBody().get("id").asLong();
        blake.put("/api/drafts/" + task4 + "/details", Map.of("priorityArea", "Chronic absence in grade 6",
                "collaborationPoints", "None", "collaborationRationale", "None", "collaborationRoles", "None"));
        for (String part : new String[] {"A", "B", "C", "D", "E1", "E2", "F"}) {
            String text = part.equals("A") ? "[X] anonymized [X] no identifying images" : "Task 4 part " + part;
            blake.putBytes("/api/drafts/{draft}/parts/{part}/file?name={name}", EvidenceFixtures.pdf(text), task4, part,
                    "part-" + part + ".pdf");
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> blake.post("/api/drafts/" + task4 + "/submission",
                Map.of("acknowledgeWarnings", true)).getStatusCode() == HttpStatus.CREATED);
    }

    private static boolean activated(ConfigurableApplicationContext context, String process, String element) {
        RecordStream records = RecordStream.of(context.getBean(EmbeddedZeebeEngine.class).engine()
                .getRecordStreamSource());
        return StreamSupport.stream(records.processInstanceRecords().spliterator(), false)
                .anyMatch(record -> record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
                        && record.getValue().getBpmnProcessId().equals(process)
                        && record.getValue().getElementId().equals(element));
    }

    @Test
    void casesWaitingForAMentorResumeAfterARestart() throws IOException {
        long answering;
        long unproposed;
        long proposalId;
        try (ConfigurableApplicationContext first = start()) {
            int port = port(first);
            answering = register(port, "Restart Answering", "restart.answering@test.example");
            unproposed = register(port, "Restart Unproposed", "restart.unproposed@test.example");
            awaitStage(port, answering, "AWAITING_MENTOR_PROPOSAL");
            awaitStage(port, unproposed, "AWAITING_MENTOR_PROPOSAL");
            proposalId = Api.as(port, "casey").post("/api/candidates/" + answering + "/mentor-proposals",
                    Map.of("mentorId", 1)).getBody().get("id").asLong();
            awaitStage(port, answering, "AWAITING_MENTOR_RESPONSE");
        }

        try (ConfigurableApplicationContext second = start()) {
            int port = port(second);
            assertThat(progress(port, answering).get("stage").asText()).isEqualTo("AWAITING_MENTOR_RESPONSE");
            assertThat(Api.as(port, "morgan").postEmpty("/api/mentor-proposals/" + proposalId + "/acceptance")
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(awaitStage(port, answering, "MENTORED").at("/mentoring/mentor/fullName").asText())
                    .isEqualTo("Morgan Mentor");

            Api.as(port, "casey").post("/api/candidates/" + unproposed + "/mentor-proposals", Map.of("mentorId", 2));
            awaitStage(port, unproposed, "AWAITING_MENTOR_RESPONSE");
        }

        assertThat(outbox()).contains("welcome_" + answering + ".eml", "mentor-proposed_" + proposalId + ".eml",
                "mentorship-started_candidate_" + answering + ".eml", "mentorship-started_mentor_" + answering + ".eml");
    }

    private ConfigurableApplicationContext start() {
        // Arguments, not builder properties: those are defaults that application.yml would override.
        return new SpringApplicationBuilder(PalFlowApplication.class)
                .run("--server.port=0", "--pal.zeebe.embedded.port=0", "--pal.data-dir=" + dataDir,
                        "--logging.level.root=WARN");
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static long register(int port, String name, String email) {
        return Api.as(port, "casey").post("/api/registrations", Map.of("fullName", name, "email", email,
                "programCode", "BAYSTATE-LEAD", "cohortCode", "2026-FALL", "district", "Springfield Public Schools",
                "school", "Lincoln Elementary School", "handbookVersion", "2025-26", "policiesConfirmed", true))
                .getBody().get("id").asLong();
    }

    private static JsonNode progress(int port, long candidateId) {
        return Api.as(port, "casey").get("/api/candidates/" + candidateId + "/progress").getBody();
    }

    private static JsonNode awaitStage(int port, long candidateId, String stage) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> progress(port, candidateId), progress -> stage.equals(progress.get("stage").asText()));
    }

    private List<String> outbox() throws IOException {
        try (Stream<Path> files = Files.list(dataDir.resolve("outbox"))) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}

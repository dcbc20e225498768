package org.palflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
        }

        try (ConfigurableApplicationContext second = start()) {
            int port = port(second);
            assertThat(Api.as(port, "morgan").post("/api/drafts/" + draft + "/components/INVESTIGATE/review",
                    Map.of("approved", true)).getStatusCode()).isEqualTo(HttpStatus.OK);
            await().atMost(Duration.ofSeconds(20)).until(() -> Api.as(port, "blake")
                    .postEmpty("/api/drafts/" + draft + "/components/PREPARE/done").getStatusCode() == HttpStatus.OK);
            await().atMost(Duration.ofSeconds(20)).until(() -> outbox().stream()
                    .anyMatch(name -> name.startsWith("component-review_" + draft + "_PREPARE")));
        }
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

package org.palflow.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.assertions.ProcessInstanceAssert;
import io.camunda.zeebe.process.test.filters.RecordStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.palflow.platform.embedded.EmbeddedZeebeEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform on its embedded default, as the tests share it: real Zeebe engine, real MariaDB, real
 * SMTP server (GreenMail), HTTP on a random port. Subclasses share one application context.
 */
@Import(PalFlowTest.TestClock.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {PalFlowTest.FREE_ENGINE_PORT, "logging.level.com.icegreen=WARN",
            "pal.process.catch-up-every=PT1S", "pal.process.catch-up-after=PT5S"})
public abstract class PalFlowTest {

    /** Read before the context exists (by EmbeddedDefaults), so it must be a static property. */
    public static final String FREE_ENGINE_PORT = "pal.zeebe.embedded.port=0";

    private static final Path DATA_DIR = TestDataDirs.fresh("shared");
    private static final AtomicInteger UNIQUE = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected EmbeddedZeebeEngine zeebe;

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected EngineOutage engineOutage;

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }

        @Bean
        EngineOutage engineOutage() {
            return new EngineOutage();
        }
    }

    /** Moves the engine's timers and the app's clock forward together. */
    protected void advanceTime(Duration duration) {
        clock.advance(duration);
        zeebe.engine().increaseTime(duration);
    }

    /** Waits until the process instance satisfies the assertion, then returns it for more. */
    protected ProcessInstanceAssert awaitProcess(long key, java.util.function.Consumer<ProcessInstanceAssert> condition) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> condition.accept(processInstance(key)));
        return processInstance(key);
    }

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("pal.data-dir", DATA_DIR::toString);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
        registry.add("pal.licensure.elar-url", TestElar::url);
        registry.add("pal.licensure.elar-secret", () -> TestElar.SECRET);
        registry.add("pal.licensure.elar-stand-in", () -> "true");
        registry.add("pal.licensure.elar-timeout", () -> "PT1S");
        registry.add("pal.licensure.retry-backoff", () -> "PT1S");
    }

    protected static Path dataDir() {
        return DATA_DIR;
    }

    protected Api as(String username) {
        return Api.as(port, username);
    }

    protected static <T> T eventually(java.util.concurrent.Callable<Optional<T>> probe) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(probe, Optional::isPresent).orElseThrow();
    }

    /** A new candidate at Lincoln Elementary, registered by the coordinator; its e-mail is unique to the test. */
    protected static Map<String, Object> newCandidate(String name) {
        int n = UNIQUE.incrementAndGet();
        return candidate(name + " " + n, name.toLowerCase().replace(' ', '.') + "." + n + "@test.example");
    }

    protected static Map<String, Object> candidate(String fullName, String email) {
        return Map.of("fullName", fullName, "email", email, "programCode", "BAYSTATE-LEAD", "cohortCode", "2026-FALL",
                "district", "Springfield Public Schools", "school", "Lincoln Elementary School",
                "handbookVersion", "2025-26", "policiesConfirmed", true);
    }

    protected ProcessInstanceAssert processInstance(long key) {
        return new ProcessInstanceAssert(key, RecordStream.of(zeebe.engine().getRecordStreamSource()));
    }

    /** The key of the process instance of the given process that holds variable name = value. */
    protected long processInstanceWith(String bpmnProcessId, String variable, Object value) {
        return eventually(() -> instancesWith(bpmnProcessId, variable, value).stream().findFirst());
    }

    /** Every instance of the given process, so far, that holds variable name = value. */
    protected java.util.Set<Long> instancesWith(String bpmnProcessId, String variable, Object value) {
        String json = String.valueOf(value);
        RecordStream records = RecordStream.of(zeebe.engine().getRecordStreamSource());
        java.util.Set<Long> instancesOfProcess = new java.util.HashSet<>();
        records.processInstanceRecords().forEach(record -> {
            if (record.getValue().getBpmnProcessId().equals(bpmnProcessId)) {
                instancesOfProcess.add(record.getValue().getProcessInstanceKey());
            }
        });
        java.util.Set<Long> matching = new java.util.TreeSet<>();
        for (var record : records.variableRecords()) {
            var variableValue = record.getValue();
            if (variableValue.getName().equals(variable) && variableValue.getValue().equals(json)
                    && instancesOfProcess.contains(variableValue.getProcessInstanceKey())) {
                matching.add(variableValue.getProcessInstanceKey());
            }
        }
        return matching;
    }

    /** Registers through the API as the coordinator and waits until the registration process has decided. */
    protected JsonNode registerAndAwaitDecision(Map<String, Object> candidate) {
        JsonNode created = as("casey").post("/api/registrations", candidate).getBody();
        long id = created.get("id").asLong();
        return eventually(() -> {
            JsonNode registration = as("casey").get("/api/registrations/" + id).getBody();
            return "SUBMITTED".equals(registration.get("status").asText()) ? Optional.empty()
                    : Optional.of(registration);
        });
    }

    /** The demo candidate {@code user} registered and mentored by Morgan; returns their case id. */
    protected long mentoredByMorgan(String user) {
        String name = Character.toUpperCase(user.charAt(0)) + user.substring(1) + " Candidate";
        long candidateId = as(user).post("/api/registrations", candidate(name, user + ".candidate@palflow.example"))
                .getBody().get("id").asLong();
        JsonNode progress = eventually(() -> Optional.of(progress(candidateId))
                .filter(p -> !p.get("stage").asText().startsWith("REGISTRATION")
                        && !p.get("stage").asText().equals("MENTOR_ASSIGNMENT_OPENING")));
        if (!progress.get("stage").asText().equals("MENTORED")) {
            long proposal = as("casey").post("/api/candidates/" + candidateId + "/mentor-proposals",
                    Map.of("mentorId", 1)).getBody().get("id").asLong();
            awaitStage(candidateId, "AWAITING_MENTOR_RESPONSE");
            as("morgan").postEmpty("/api/mentor-proposals/" + proposal + "/acceptance");
            awaitStage(candidateId, "MENTORED");
        }
        return candidateId;
    }

    protected JsonNode progress(long candidateId) {
        return as("casey").get("/api/candidates/" + candidateId + "/progress").getBody();
    }

    protected JsonNode awaitStage(long candidateId, String stage) {
        return eventually(() -> {
            JsonNode progress = progress(candidateId);
            return stage.equals(progress.get("stage").asText()) ? Optional.of(progress) : Optional.empty();
        });
    }
}

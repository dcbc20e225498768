package org.palflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import io.camunda.client.CamundaClient;
import org.palflow.platform.embedded.EmbeddedZeebeEngine;
import org.palflow.platform.process.Incidents;
import org.palflow.platform.process.ProcessStatistics;
import org.palflow.support.EvidenceFixtures;
import org.junit.jupiter.api.Test;
import org.palflow.PalFlowApplication;
import org.palflow.support.Api;
import org.palflow.support.ChildApp;
import org.palflow.support.TestDataDirs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;

/**
 * Stops the platform and starts it again on the same data folder, as a person would: the embedded engine comes
 * back from its own snapshot and log with every case and timer where it was. (Crashes are
 * {@code EmbeddedEngineCrashTest}'s.) No SMTP server is configured here, so mail goes to the outbox folder.
 */
class RestartRecoveryTest {

    private final Path dataDir = TestDataDirs.fresh("restart");

    /** Blake submits Task 4 into a window whose deadline is tomorrow; its scoring waits for the deadline. */
    private static void submitTask4InAWindow(int port) {
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

    /**
     * A mentor's answer, a component review and a score are each due 20 s after they were asked for; the app is
     * stopped before any of them is due and started again after all of them were. Each deadline fires once, right
     * after the start, at its original due date: the engine's timers live in its state on disk. An incident raised
     * before the stop is still listed after it, and resolving it then lets the case go on.
     */
    @Test
    void timersDueWhileTheAppIsDownFireOnceAtTheirOriginalTimeAndIncidentsStayListed() throws IOException, InterruptedException {
        Path clockFile = dataDir.resolve("clock-offset");
        String[] shortDeadlines = {"--pal.test.clock-file=" + clockFile, "--pal.mentoring.response-period=PT20S",
            "--pal.drafting.review-reminder-after=PT20S", "--pal.scoring.scoring-period=PT20S",
            // Small log segments, so that the snapshot taken at the stop deletes the log the timers and the
            // incident were written to: after the start they are known from the snapshot and the readers' files.
            "--pal.zeebe.embedded.segment-size=256KB"};
        Map<String, Long> dueDates;
        long incident;
        long incidentPosition;
        long unanswered;
        long draft;
        try (ConfigurableApplicationContext first = start(shortDeadlines)) {
            int port = port(first);
            incident = brokenMentorAssignment(first);
            incidentPosition = positionOf(first, incident);
            mentoredBlake(port);
            submitTask4InAWindow(port);
            draft = Api.as(port, "blake").post("/api/drafts", Map.of("task", 1)).getBody().get("id").asLong();
            unanswered = register(port, "Restart Unanswered", "restart.unanswered@test.example");
            awaitStage(port, unanswered, "AWAITING_MENTOR_PROPOSAL");
            // Past the window's deadline: the submission is screened and given to a scorer, due in 20 s. A cold
            // app screens its first submission slowly (the originality index is built on first use).
            ChildApp.setClockOffset(clockFile, Duration.ofDays(2));
            await().atMost(Duration.ofSeconds(60)).until(() -> timersCreated(first).containsKey("scoring-due"));
            Api.as(port, "casey").post("/api/candidates/" + unanswered + "/mentor-proposals", Map.of("mentorId", 2));
            Api.as(port, "blake").postEmpty("/api/drafts/" + draft + "/components/INVESTIGATE/done");
            await().atMost(Duration.ofSeconds(10)).until(() -> timersCreated(first).size() == 3);
            dueDates = timersCreated(first);
        }
        long lastDue = dueDates.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long offset = Duration.ofDays(2).toMillis();
        Thread.sleep(Math.max(0, lastDue - offset - System.currentTimeMillis() + 2_000));

        try (ConfigurableApplicationContext second = start(shortDeadlines)) {
            long started = System.currentTimeMillis() + offset;
            int port = port(second);
            assertThat(second.getBean(EmbeddedZeebeEngine.class).diskUse().lowestPosition())
                    .as("the log holding the incident was deleted").isGreaterThan(incidentPosition);
            await().atMost(Duration.ofSeconds(20)).until(() -> timersTriggered(second).size() == 3);
            Thread.sleep(2_000);
            timersTriggered(second).forEach((element, firings) -> {
                assertThat(firings).as(element + " fired once").hasSize(1);
                assertThat(firings.get(0)[1]).as(element + " kept its due date").isEqualTo(dueDates.get(element));
                assertThat(firings.get(0)[0]).as(element + " fired after its due date, right after the start")
                        .isGreaterThanOrEqualTo(dueDates.get(element)).isLessThan(started + 10_000);
            });
            awaitStage(port, unanswered, "AWAITING_MENTOR_PROPOSAL");

            ProcessStatistics statistics = second.getBean(ProcessStatistics.class);
            assertThat(statistics.incidents("mentor-assignment")).as("the incident raised before the restart")
                    .extracting(ProcessStatistics.OpenIncident::incidentKey).containsExactly(incident);
            long instance = statistics.incidents("mentor-assignment").get(0).processInstanceKey();
            second.getBean(CamundaClient.class).newSetVariablesCommand(instance)
                    .variables(Map.of("respondBy", "2099-01-01T00:00:00Z")).send().join();
            second.getBean(Incidents.class).resolve(incident);
            await().atMost(Duration.ofSeconds(20)).until(() -> statistics.incidents("mentor-assignment").isEmpty());
        }
        assertThat(outbox()).filteredOn(name -> name.startsWith("component-review-reminder")).hasSize(1);
        assertThat(outbox()).filteredOn(name -> name.startsWith("scoring-reminder-")).hasSize(1);
    }

    /** A case whose deadline cannot be read: the engine raises an incident at the step; its key. */
    private static long brokenMentorAssignment(ConfigurableApplicationContext context) {
        long instance = context.getBean(CamundaClient.class).newCreateInstanceCommand()
                .bpmnProcessId("mentor-assignment").latestVersion()
                .variables(Map.of("candidateId", 999_999, "proposalId", 999_999, "respondBy", "not a date"))
                .startBeforeElement("await-mentor-response").send().join().getProcessInstanceKey();
        ProcessStatistics statistics = context.getBean(ProcessStatistics.class);
        return await().atMost(Duration.ofSeconds(20)).until(() -> statistics.incidents("mentor-assignment").stream()
                .filter(open -> open.processInstanceKey() == instance).findFirst(), java.util.Optional::isPresent)
                .orElseThrow().incidentKey();
    }

    private static long positionOf(ConfigurableApplicationContext context, long incidentKey) {
        return java.util.stream.StreamSupport.stream(RecordStream.of(context.getBean(EmbeddedZeebeEngine.class)
                .engine().getRecordStreamSource()).incidentRecords().spliterator(), false)
                .filter(record -> record.getKey() == incidentKey).findFirst().orElseThrow().getPosition();
    }

    private static final List<String> DEADLINES = List.of("mentor-response-overdue", "review-reminder-due",
            "scoring-due");

    /** Due date per deadline element of the timers not cancelled, from the engine's records (a restart keeps them). */
    private static Map<String, Long> timersCreated(ConfigurableApplicationContext context) {
        Map<Long, io.camunda.zeebe.protocol.record.Record<io.camunda.zeebe.protocol.record.value.TimerRecordValue>>
                created = new java.util.HashMap<>();
        RecordStream.of(context.getBean(EmbeddedZeebeEngine.class).engine().getRecordStreamSource()).timerRecords()
                .forEach(record -> {
                    if (record.getIntent() == TimerIntent.CREATED
                            && DEADLINES.contains(record.getValue().getTargetElementId())) {
                        created.put(record.getKey(), record);
                    } else if (record.getIntent() == TimerIntent.CANCELED) {
                        created.remove(record.getKey());
                    }
                });
        Map<String, Long> due = new java.util.TreeMap<>();
        created.values().forEach(record -> due.put(record.getValue().getTargetElementId(),
                record.getValue().getDueDate()));
        return due;
    }

    /** Per deadline element, each firing as {when it fired, the due date it fired for}. */
    private static Map<String, List<long[]>> timersTriggered(ConfigurableApplicationContext context) {
        Map<String, List<long[]>> fired = new java.util.TreeMap<>();
        RecordStream.of(context.getBean(EmbeddedZeebeEngine.class).engine().getRecordStreamSource()).timerRecords()
                .forEach(record -> {
                    if (record.getIntent() == TimerIntent.TRIGGERED
                            && DEADLINES.contains(record.getValue().getTargetElementId())) {
                        fired.computeIfAbsent(record.getValue().getTargetElementId(), id -> new ArrayList<>())
                                .add(new long[] {record.getTimestamp(), record.getValue().getDueDate()});
                    }
                });
        return fired;
    }

    private ConfigurableApplicationContext start(String... arguments) {
        List<String> all = new ArrayList<>(List.of("--server.port=0", "--pal.zeebe.embedded.port=0",
                "--pal.data-dir=" + dataDir, "--logging.level.root=WARN"));
        all.addAll(List.of(arguments));
        Class<?>[] sources = arguments.length == 0 ? new Class<?>[] {PalFlowApplication.class}
                : new Class<?>[] {PalFlowApplication.class, ChildApp.ClockFromFile.class};
        return new SpringApplicationBuilder(sources).run(all.toArray(String[]::new));
    }

    private static long mentoredBlake(int port) {
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
        return blake;
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

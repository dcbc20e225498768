package org.palflow.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.command.ClientStatusException;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.client.api.worker.JobWorker;
import io.camunda.zeebe.client.impl.ZeebeClientBuilderImpl;
import io.camunda.zeebe.client.impl.ZeebeClientImpl;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.palflow.platform.embedded.EmbeddedZeebeEngine;
import org.palflow.support.FreePorts;
import org.palflow.support.LifecycleDriver;
import org.palflow.support.ThreadCpu;

/**
 * The platform's BPMN files on the same durable embedded engine with nothing else: workers that only answer with
 * the variables of the path the lifecycle benchmark's candidates take (and publish the messages the app's workers
 * publish), and a driver that sends the messages the app's pages and API would send, at the same steps, with as
 * many client threads as {@link LifecycleDriver}. The engine's own pace, for the platform to be measured against.
 */
final class BareEngineLifecycle implements AutoCloseable {

    private static final EmbeddedZeebeEngine.Settings SETTINGS = new EmbeddedZeebeEngine.Settings(
            Duration.ofMinutes(5), 64L * 1024 * 1024, 64L * 1024 * 1024);
    private static final Duration MESSAGE_TIME_TO_LIVE = Duration.ofHours(1);
    private static final String[] COMPONENTS = {"INVESTIGATE", "PREPARE", "ACT", "ASSESS"};
    private static final Pattern JOB_TYPE = Pattern.compile("zeebe:taskDefinition type=\"([^\"]+)\"");

    private final int candidates;
    private final int clientThreads = Integer.getInteger("pal.lifecycle.clients", 8);
    private final Duration patience;
    private final EmbeddedZeebeEngine engine;
    private final ZeebeClient client;
    private final List<JobWorker> workers = new ArrayList<>();
    /** Steps the workers have reached, by name, with the variables they answered. */
    private final Map<String, CompletableFuture<Void>> reached = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> componentsOpened = new ConcurrentHashMap<>();
    private final Map<Long, AtomicInteger> decisions = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> filesPerTask = new HashMap<>();
    private final Instant windowOpened = Instant.now();
    private volatile Duration clockAhead = Duration.ZERO;
    private final AtomicInteger unansweredMessages = new AtomicInteger();

    BareEngineLifecycle(Path dataDir, int candidates) throws IOException {
        this.candidates = candidates;
        this.patience = Duration.ofMinutes(5).plusSeconds(candidates);
        this.engine = new EmbeddedZeebeEngine(FreePorts.any(), dataDir, SETTINGS);
        // Connected in-process, as the platform's own client is.
        this.client = new ZeebeClientImpl((ZeebeClientBuilderImpl) ZeebeClient.newClientBuilder()
                .applyEnvironmentVariableOverrides(false).usePlaintext(), engine.openLocalChannel());
        List<String> jobTypes = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (Path bpmn : files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList()) {
                client.newDeployResourceCommand().addResourceFile(bpmn.toString()).send().join();
                Matcher type = JOB_TYPE.matcher(Files.readString(bpmn));
                while (type.find()) {
                    if (!jobTypes.contains(type.group(1))) {
                        jobTypes.add(type.group(1));
                    }
                }
            }
        }
        for (int task = 1; task <= 4; task++) {
            filesPerTask.put(task, new ObjectMapper().readTree(Path.of("src/main/resources/evidence-charts/2025-26",
                    "task-" + task + ".json").toFile()).get("parts").size());
        }
        jobTypes.forEach(this::openWorker);
    }

    /** Every candidate from registration to hand-off; the stages are those of {@link LifecycleDriver}. */
    LifecycleDriver.Figures run() throws Exception {
        Instant began = Instant.now();
        Duration cpuAtStart = LifecycleDriver.cpuOfThisJvm();
        ThreadCpu.Reading threadsAtStart = ThreadCpu.read(ProcessHandle.current());
        Map<String, Duration> stagesDone = new LinkedHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(clientThreads,
                Thread.ofPlatform().name("driver-client-", 1).factory());
        try {
            Map<Long, Instant> mentored = new ConcurrentHashMap<>();
            List<Future<Duration>> drafted = new ArrayList<>();
            for (long i = 1; i <= candidates; i++) {
                long candidate = i;
                drafted.add(clients.submit(() -> registerMentorAndSubmit(candidate, mentored)));
            }
            List<Duration> candidateTimes = new ArrayList<>();
            for (Future<Duration> candidate : drafted) {
                candidateTimes.add(candidate.get());
            }
            stagesDone.put("mentored", Duration.between(began, java.util.Collections.max(mentored.values())));
            stagesDone.put("four tasks submitted", Duration.between(began, Instant.now()));
            moveClock(Duration.ofDays(1).plusMinutes(1));
            List<Future<?>> scorings = new ArrayList<>();
            for (long i = 1; i <= candidates; i++) {
                for (int task = 1; task <= 4; task++) {
                    long submission = i * 10 + task;
                    scorings.add(clients.submit(() -> {
                        await("assigned-" + submission);
                        publish("score-recorded", "assignment-" + submission, "score-recorded-" + submission,
                                Map.of("assignmentId", submission));
                        await("scored-" + submission);
                    }));
                }
            }
            for (Future<?> scoring : scorings) {
                scoring.get();
            }
            stagesDone.put("screened and scored", Duration.between(began, Instant.now()));
            moveClock(Duration.ofDays(30));
            for (long i = 1; i <= candidates; i++) {
                await("handed-off-" + i);
            }
            stagesDone.put("released, decided and handed off", Duration.between(began, Instant.now()));
            System.out.printf("BENCHMARK lifecycle: bare engine: %d messages unanswered within the client's deadline, "
                    + "sent again%n", unansweredMessages.get());
            return new LifecycleDriver.Figures(candidates, 0, Duration.between(began, Instant.now()), stagesDone,
                    candidateTimes, List.of(), List.of(), Map.of("engine, workers and driver",
                            LifecycleDriver.cpuOfThisJvm().minus(cpuAtStart)),
                    ThreadCpu.usedBetween(threadsAtStart, ThreadCpu.read(ProcessHandle.current())), List.of(),
                    Map.of());
        } finally {
            clients.shutdownNow();
        }
    }

    private Duration registerMentorAndSubmit(long candidate, Map<Long, Instant> mentored) {
        Instant first = Instant.now();
        client.newCreateInstanceCommand().bpmnProcessId("candidate-registration").latestVersion()
                .variables(Map.of("registrationId", candidate)).send().join();
        await("mentor-assignment-opened-" + candidate);
        publish("mentor-proposed", String.valueOf(candidate), "mentor-proposed-" + candidate,
                Map.of("proposalId", candidate, "respondBy", engineNow().plus(Duration.ofDays(7)).toString()));
        await("mentor-notified-" + candidate);
        publish("mentor-responded", String.valueOf(candidate), "mentor-responded-" + candidate,
                Map.of("proposalId", candidate, "accepted", true));
        await("mentorship-started-" + candidate);
        mentored.put(candidate, Instant.now());
        for (int task = 1; task <= 4; task++) {
            draftAndSubmit(candidate * 10 + task, task);
        }
        return Duration.between(first, Instant.now());
    }

    private void draftAndSubmit(long draft, int task) {
        client.newCreateInstanceCommand().bpmnProcessId("task-drafting").latestVersion().variables(Map.of(
                "draftId", draft, "reviewReminderAfter", "P7D", "reviewEscalationAfter", "P14D")).send().join();
        for (int file = 1; file <= filesPerTask.get(task); file++) {
            client.newCreateInstanceCommand().bpmnProcessId("evidence-extraction").latestVersion()
                    .variables(Map.of("fileId", draft * 100 + file)).withResult().send().join();
        }
        if (task == 1) {
            for (String component : COMPONENTS) {
                await("component-opened-" + draft + "-" + component);
                publish("component-done", String.valueOf(draft), "component-done-" + draft + "-" + component,
                        Map.of("component", component));
                await("review-requested-" + draft + "-" + component);
                publish("component-reviewed", String.valueOf(draft), "component-reviewed-" + draft + "-" + component,
                        Map.of("approved", true));
            }
        }
        publish("draft-submitted", String.valueOf(draft), "draft-submitted-" + draft, Map.of());
        await("submission-announced-" + draft);
    }

    /** A worker for every job type; those on the benchmark's path answer as the app's would, the rest do nothing. */
    private void openWorker(String type) {
        Function<ActivatedJob, Map<String, Object>> answer = switch (type) {
            case "validate-registration" -> job -> Map.of("registrationValid", true, "rejectionReasons", List.of());
            case "request-mentor-assignment" -> job -> {
                Object registration = job.getVariable("registrationId");
                publish("mentor-assignment-requested", String.valueOf(registration),
                        "mentor-assignment-requested-" + registration, Map.of("candidateId", registration));
                return Map.of();
            };
            case "open-mentor-assignment" -> reaching(job -> "mentor-assignment-opened-" + job.getVariable("candidateId"));
            case "notify-proposed-mentor" -> reaching(job -> "mentor-notified-" + job.getVariable("candidateId"));
            case "notify-mentorship-started" -> reaching(job -> "mentorship-started-" + job.getVariable("candidateId"));
            case "open-next-component" -> job -> {
                long draft = ((Number) job.getVariable("draftId")).longValue();
                int opened = draft % 10 == 1
                        ? componentsOpened.computeIfAbsent(draft, d -> new AtomicInteger()).getAndIncrement() : 4;
                if (opened >= COMPONENTS.length) {
                    return Map.of("allComponentsApproved", true);
                }
                reach("component-opened-" + draft + "-" + COMPONENTS[opened]);
                return Map.of("allComponentsApproved", false, "component", COMPONENTS[opened]);
            };
            case "request-component-review" -> reaching(job -> "review-requested-" + job.getVariable("draftId") + "-"
                    + job.getVariable("component"));
            case "announce-submission" -> job -> {
                long draft = ((Number) job.getVariable("draftId")).longValue();
                publish("task-submitted", String.valueOf(draft), "task-submitted-" + draft, Map.of("submissionId",
                        draft, "candidateId", draft / 10, "task", draft % 10, "handbookVersion", "2025-26"));
                reach("submission-announced-" + draft);
                return Map.of();
            };
            case "extract-evidence-text" -> job -> Map.of("textStatus", "READ", "words", 480);
            case "place-in-window" -> job -> Map.of("inWindow", true, "purpose", "FIRST", "windowId", 1,
                    "windowClosesAt", windowOpened.plus(Duration.ofDays(1)).toString(),
                    "scoreReportAt", windowOpened.plus(Duration.ofDays(30)).toString());
            case "screen-originality" -> job -> Map.of("nearDuplicate", false);
            case "assign-scorer" -> job -> {
                Object submission = job.getVariable("submissionId");
                reach("assigned-" + submission);
                return Map.of("assignmentId", submission, "assignmentKey", "assignment-" + submission,
                        "scoringDueAt", windowOpened.plus(Duration.ofDays(60)).toString(),
                        "scoringEscalateAt", windowOpened.plus(Duration.ofDays(90)).toString());
            };
            case "decide-next-scoring" -> reaching(job -> "scored-" + job.getVariable("submissionId"),
                    Map.of("nextScoring", "NONE", "purpose", "NONE"));
            case "release-score-report" -> job -> {
                Object submission = job.getVariable("submissionId");
                Object candidate = job.getVariable("candidateId");
                publish("task-score-changed", String.valueOf(candidate), "task-score-changed-" + submission,
                        Map.of("candidateId", candidate));
                return Map.of();
            };
            case "decide-licensure" -> job -> {
                long candidate = ((Number) job.getVariable("candidateId")).longValue();
                int decided = decisions.computeIfAbsent(candidate, c -> new AtomicInteger()).incrementAndGet();
                return Map.of("decisionId", decided, "passed", decided == 4, "handOff", decided == 4);
            };
            case "hand-off-to-elar" -> reaching(job -> "handed-off-" + job.getVariable("candidateId"));
            default -> job -> Map.of();
        };
        // The app's settings: streamed jobs, a 30 s time-out, rare fallback polls, one handler thread.
        workers.add(client.newWorker().jobType(type)
                .handler((jobs, job) -> jobs.newCompleteCommand(job).variables(answer.apply(job)).send())
                .timeout(Duration.ofSeconds(30)).streamEnabled(true).pollInterval(Duration.ofSeconds(5)).open());
    }

    private Function<ActivatedJob, Map<String, Object>> reaching(Function<ActivatedJob, String> step) {
        return reaching(step, Map.of());
    }

    private Function<ActivatedJob, Map<String, Object>> reaching(Function<ActivatedJob, String> step,
            Map<String, Object> variables) {
        return job -> {
            reach(step.apply(job));
            return variables;
        };
    }

    /**
     * As the app's hand-offs: a message with no answer in the client's deadline is sent again, and a refusal of its
     * id as already published means the first one arrived. After a clock move the engine can fall that far behind.
     */
    private void publish(String name, String correlationKey, String messageId, Map<String, Object> variables) {
        Instant giveUp = Instant.now().plus(patience);
        while (true) {
            try {
                client.newPublishMessageCommand().messageName(name).correlationKey(correlationKey)
                        .messageId(messageId).timeToLive(MESSAGE_TIME_TO_LIVE).variables(variables).send().join();
                return;
            } catch (ClientStatusException e) {
                if (e.getStatusCode() == Status.Code.ALREADY_EXISTS) {
                    return;
                }
                if (e.getStatusCode() != Status.Code.DEADLINE_EXCEEDED || Instant.now().isAfter(giveUp)) {
                    throw e;
                }
                unansweredMessages.incrementAndGet();
            }
        }
    }

    private void reach(String step) {
        reached.computeIfAbsent(step, s -> new CompletableFuture<>()).complete(null);
    }

    private void await(String step) {
        try {
            reached.computeIfAbsent(step, s -> new CompletableFuture<>()).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("The bare engine did not reach " + step + " within " + patience, e);
        }
    }

    private void moveClock(Duration step) {
        engine.engine().increaseTime(step);
        clockAhead = clockAhead.plus(step);
    }

    private Instant engineNow() {
        return Instant.now().plus(clockAhead);
    }

    @Override
    public void close() {
        workers.forEach(JobWorker::close);
        client.close();
        engine.close();
    }
}

package org.palflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.palflow.platform.embedded.EmbeddedZeebeEngine;
import org.palflow.support.FreePorts;
import org.palflow.support.TestDataDirs;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Run with {@code ./pal test -Pbenchmark}. The durable embedded engine on its own (no app): a case is a job and a
 * message, as a candidate waiting for a mentor proposal is. Prints the rate of 1,000 cases on an engine with no open
 * case (after a warm-up) and again with 5,000 cases left waiting; heap after a full GC and disk at start, after 5,000
 * completed cases and after eight hours' worth of the app's idle job polls, with the classes whose instances grew
 * most; and how long the engine takes to be ready on a folder of 10,000
 * cases, after a clean stop and from a copy taken while it ran (as a crash leaves it).
 */
class EmbeddedEngineBenchmark {

    private static final EmbeddedZeebeEngine.Settings SETTINGS = new EmbeddedZeebeEngine.Settings(
            Duration.ofSeconds(30), 8L * 1024 * 1024, 64L * 1024 * 1024);
    private static final BpmnModelInstance CASE = Bpmn.createExecutableProcess("benchmark-case")
            .startEvent("case-opens").name("Case opens")
            .serviceTask("do-work", task -> task.name("Do the work").zeebeJobType("benchmark-work"))
            .intermediateCatchEvent("await-answer", event -> event.name("Answer arrives")
                    .message(message -> message.name("benchmark-answer").zeebeCorrelationKeyExpression("caseId")))
            .endEvent("case-closes").name("Case closes").done();

    /** The app's 32 job types, each polled every 5 s when no job is streamed, for eight hours. */
    private static final int IDLE_POLLS = 32 * 12 * 60 * 8;

    private final AtomicInteger engineErrors = new AtomicInteger();
    private final AtomicLong nextCase = new AtomicLong();

    @Test
    void throughputMemoryDiskAndStartUpOfTheDurableEngine() throws Exception {
        countEngineErrors();
        Path dataDir = TestDataDirs.fresh("engine-benchmark");
        try (EmbeddedZeebeEngine engine = new EmbeddedZeebeEngine(FreePorts.any(), dataDir, SETTINGS);
                ZeebeClient client = engine.engine().createClient()) {
            client.newDeployResourceCommand().addProcessModel(CASE, "benchmark-case.bpmn").send().join();
            try (JobWorker worker = client.newWorker().jobType("benchmark-work")
                    .handler((jobs, job) -> jobs.newCompleteCommand(job).send()).streamEnabled(true)
                    .pollInterval(Duration.ofSeconds(5)).open()) {
                Figures fresh = figures(engine);
                rate(client, 1_000, true); // warm-up: the JIT, not the engine, would otherwise set the first rate
                Figures warmed = figures(engine);
                double empty = rate(client, 1_000, true);
                for (int i = 0; i < 5_000; i += 500) {
                    rate(client, 500, false);
                }
                double withOpen = rate(client, 1_000, true);
                print("rate, empty engine", "%.0f cases/s", empty);
                print("rate, 5,000 cases waiting", "%.0f cases/s (%.0f%% of empty)", withOpen,
                        100 * withOpen / empty);
                for (int i = 0; i < 3_000; i += 1_000) {
                    rate(client, 1_000, true);
                }
                engine.snapshot();
                Figures lifecycles = figures(engine);
                // Hours of idle polling: each poll of each job type is written to the log.
                for (int i = 0; i < IDLE_POLLS; i++) {
                    client.newActivateJobsCommand().jobType("benchmark-idle").maxJobsToActivate(1)
                            .requestTimeout(Duration.ofMillis(1)).send().join();
                }
                engine.snapshot();
                Figures idle = figures(engine);
                print("heap after GC / log / snapshot, fresh", "%s", fresh);
                print("heap after GC / log / snapshot, after the first 1,000 cases (warm-up)", "%s", warmed);
                print("heap after GC / log / snapshot, after 5,000 completed cases", "%s", lifecycles);
                print("heap after GC / log / snapshot, after " + IDLE_POLLS + " idle polls", "%s", idle);
                print("heap after 5,000 cases / after the polls, against fresh", "%+.1f%% / %+.1f%%",
                        100.0 * lifecycles.heapBytes() / fresh.heapBytes() - 100,
                        100.0 * idle.heapBytes() / fresh.heapBytes() - 100);
                print("heap after 5,000 cases / after the polls, against the warm-up", "%+.1f%% / %+.1f%%",
                        100.0 * lifecycles.heapBytes() / warmed.heapBytes() - 100,
                        100.0 * idle.heapBytes() / warmed.heapBytes() - 100);
                print("classes grown most from fresh to the warm-up", "%s", grownMost(fresh, warmed));
                print("classes grown most from the warm-up to after the polls", "%s", grownMost(warmed, idle));
                for (int i = 0; i < 10; i++) {
                    rate(client, 500, false);
                }
            }
            FileSystemUtils.copyRecursively(dataDir.resolve("zeebe"), dataDir.resolve("crash-copy/zeebe"));
        }
        int errorsWhileRunning = engineErrors.getAndSet(0);
        long cleanStart = readyIn(dataDir);
        long afterCrash = readyIn(dataDir.resolve("crash-copy"));
        print("ready on 10,000 open cases after a clean stop", "%d ms", cleanStart);
        print("ready on 10,000 open cases from a copy taken while running", "%d ms", afterCrash);
        print("engine errors logged while running", "%d", errorsWhileRunning);
        print("engine errors logged at the starts (replies to requests made before the copy, no one waits)", "%d",
                engineErrors.get());
        assertThat(errorsWhileRunning).as("errors logged by the engine while running").isZero();
    }

    private record Figures(long heapBytes, long logMb, long snapshotMb, Map<String, Long> bytesByClass) {
        @Override
        public String toString() {
            return String.format("%.1f MB / %d MB / %d MB", heapBytes / 1048576.0, logMb, snapshotMb);
        }
    }

    private static Figures figures(EmbeddedZeebeEngine engine) {
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        EmbeddedZeebeEngine.DiskUse disk = engine.diskUse();
        return new Figures(heap, disk.logBytes() >> 20, disk.snapshotBytes() >> 20, classHistogram());
    }

    /** Bytes of live instances by class, as {@code jcmd GC.class_histogram} prints them. */
    private static Map<String, Long> classHistogram() {
        try {
            String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
            Map<String, Long> bytes = new HashMap<>();
            Matcher row = Pattern.compile("(?m)^\\s*\\d+:\\s+\\d+\\s+(\\d+)\\s+(\\S+)").matcher(histogram);
            while (row.find()) {
                bytes.put(row.group(2), Long.parseLong(row.group(1)));
            }
            return bytes;
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String grownMost(Figures before, Figures after) {
        return after.bytesByClass().entrySet().stream()
                .map(entry -> Map.entry(entry.getKey(), entry.getValue()
                        - before.bytesByClass().getOrDefault(entry.getKey(), 0L)))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .map(entry -> entry.getKey() + " +" + (entry.getValue() >> 10) + " KB")
                .collect(Collectors.joining(", "));
    }

    /** Opens {@code cases} cases, 32 at a time; if {@code answered}, waits for each to finish. Cases per second. */
    private double rate(ZeebeClient client, int cases, boolean answered) throws InterruptedException {
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<?>> all = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < cases; i++) {
            String caseId = "case-" + nextCase.incrementAndGet();
            inFlight.acquire();
            if (answered) {
                client.newPublishMessageCommand().messageName("benchmark-answer").correlationKey(caseId)
                        .timeToLive(Duration.ofMinutes(10)).send().join();
            }
            var create = client.newCreateInstanceCommand().bpmnProcessId("benchmark-case").latestVersion()
                    .variables(Map.of("caseId", caseId));
            CompletableFuture<?> done = (answered ? create.withResult().requestTimeout(Duration.ofMinutes(1)).send()
                    : create.send()).toCompletableFuture().whenComplete((result, error) -> inFlight.release());
            all.add(done);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        return cases / ((System.nanoTime() - started) / 1e9);
    }

    private static long readyIn(Path dataDir) {
        long started = System.nanoTime();
        try (EmbeddedZeebeEngine engine = new EmbeddedZeebeEngine(FreePorts.any(), dataDir, SETTINGS)) {
            return (System.nanoTime() - started) / 1_000_000;
        }
    }

    private void countEngineErrors() {
        AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getLevel().isGreaterOrEqual(Level.ERROR) && event.getLoggerName().startsWith("io.camunda")) {
                    engineErrors.incrementAndGet();
                }
            }
        };
        counter.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(counter);
    }

    private static void print(String what, String format, Object... values) {
        System.out.printf("BENCHMARK embedded engine: %s: %s%n", what, String.format(format, values));
    }
}

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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.palflow.platform.embedded.EmbeddedZeebeEngine;
import org.palflow.support.TestDataDirs;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * Run with {@code ./pal test -Pbenchmark}. The durable embedded engine on its own (no app): a case is a job and a
 * message, as a candidate waiting for a mentor proposal is. Prints the rate of 1,000 cases on an engine with no open
 * case (after a warm-up) and again with 5,000 cases left waiting; heap after a full GC and disk at start, after 5,000 completed cases and
 * after many hours' worth of idle job polls; and how long the engine takes to be ready on a folder of 10,000
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

    private final AtomicInteger engineErrors = new AtomicInteger();
    private final AtomicLong nextCase = new AtomicLong();

    @Test
    void throughputMemoryDiskAndStartUpOfTheDurableEngine() throws Exception {
        countEngineErrors();
        Path dataDir = TestDataDirs.fresh("engine-benchmark");
        try (EmbeddedZeebeEngine engine = new EmbeddedZeebeEngine(freePort(), dataDir, SETTINGS);
                ZeebeClient client = engine.engine().createClient()) {
            client.newDeployResourceCommand().addProcessModel(CASE, "benchmark-case.bpmn").send().join();
            try (JobWorker worker = client.newWorker().jobType("benchmark-work")
                    .handler((jobs, job) -> jobs.newCompleteCommand(job).send()).streamEnabled(true)
                    .pollInterval(Duration.ofSeconds(5)).open()) {
                Figures fresh = figures(engine);
                rate(client, 1_000, true); // warm-up: the JIT, not the engine, would otherwise set the first rate
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
                for (int i = 0; i < 20_000; i++) {
                    client.newActivateJobsCommand().jobType("benchmark-idle").maxJobsToActivate(1)
                            .requestTimeout(Duration.ofMillis(1)).send().join();
                }
                engine.snapshot();
                Figures idle = figures(engine);
                print("heap after GC / log / snapshot, fresh", "%s", fresh);
                print("heap after GC / log / snapshot, after 5,000 completed cases", "%s", lifecycles);
                print("heap after GC / log / snapshot, after 20,000 idle polls", "%s", idle);
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

    private record Figures(long heapMb, long logMb, long snapshotMb) {
        @Override
        public String toString() {
            return heapMb + " MB / " + logMb + " MB / " + snapshotMb + " MB";
        }
    }

    private static Figures figures(EmbeddedZeebeEngine engine) {
        System.gc();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        EmbeddedZeebeEngine.DiskUse disk = engine.diskUse();
        return new Figures(heap >> 20, disk.logBytes() >> 20, disk.snapshotBytes() >> 20);
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
        try (EmbeddedZeebeEngine engine = new EmbeddedZeebeEngine(freePort(), dataDir, SETTINGS)) {
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

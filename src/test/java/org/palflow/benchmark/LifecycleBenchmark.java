package org.palflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palflow.support.LifecycleDriver;
import org.palflow.support.TestDataDirs;

/**
 * Run with {@code ./pal test -Pbenchmark -Dtest=LifecycleBenchmark} ({@code -Dpal.lifecycle.candidates}, default
 * 1,000; {@code -Dpal.lifecycle.clients}, default 8; {@code -Dpal.lifecycle.instances}, default 1: {@code 2} runs
 * two app instances on one database and one engine, {@code 1,2} one run of each;
 * {@code -Dpal.lifecycle.statements=true} turns on MariaDB's statement statistics and prints the statements that
 * took longest). First the platform's BPMN files
 * run on the bare engine with workers that only answer; then a cohort imported by CSV goes through the whole
 * lifecycle on the platform (child JVMs on the embedded default, driven over HTTP): mentor proposed and accepted,
 * four tasks drafted with small real documents, the first task's components approved, submitted in a window,
 * screened, scored by the scorer pool through the API, released on the report date (moved clock), decided and
 * handed off. Prints when each stage was done for every candidate, candidates per second, the platform's pace as a
 * share of the bare engine's, the mean time a candidate took from first request to four tasks submitted, first
 * tenth against last tenth, and the CPU time each side used (the bare engine's JVM; the app, its database and the
 * driver).
 */
class LifecycleBenchmark {

    private static final String LAST_STAGE = "released, decided and handed off";

    @Test
    void aCohortFromImportToHandOffOnThePlatformAndOnTheBareEngine() throws Exception {
        int candidates = Integer.getInteger("pal.lifecycle.candidates", 1_000);
        LifecycleDriver.Figures bare;
        try (BareEngineLifecycle engine = new BareEngineLifecycle(TestDataDirs.fresh("lifecycle-bare"), candidates)) {
            bare = engine.run();
        }
        print("%d candidates, %d client threads", candidates, Integer.getInteger("pal.lifecycle.clients", 8));
        printFirstAndLast("bare engine", bare.candidateTimes());
        for (String instances : System.getProperty("pal.lifecycle.instances", "1").split(",")) {
            LifecycleDriver.Figures platform;
            try (LifecycleDriver driver = new LifecycleDriver("lifecycle", candidates, 0,
                    LifecycleDriver.Arrival.CSV_IMPORT, 20261202L)) {
                if (instances.equals("2")) {
                    driver.twoInstances();
                }
                if (Boolean.getBoolean("pal.lifecycle.statements")) {
                    driver.statementStatistics();
                }
                platform = driver.run();
                // The figures first: they stand whatever the check after them finds.
                printFigures("platform, " + instances + (instances.equals("1") ? " instance" : " instances"),
                        instances.equals("2"), candidates, bare, platform);
                driver.assertEveryEffectOnce(platform);
            }
            if (instances.equals("2")) {
                assertThat(platform.nearDuplicatesFound()).as("near-duplicates the admin cleared").hasSize(1);
            }
        }
    }

    private static void printFigures(String where, boolean twoInstances, int candidates,
            LifecycleDriver.Figures bare, LifecycleDriver.Figures platform) {
        for (Map.Entry<String, Duration> stage : platform.stagesDone().entrySet()) {
            Duration bareTime = bare.stagesDone().get(stage.getKey());
            if (bareTime == null) {
                print("%s: %s %.1f s (the bare engine has no such step)", stage.getKey(), where,
                        seconds(stage.getValue()));
            } else {
                print("%s: %s %.1f s (%.2f candidates/s), bare engine %.1f s (%.2f candidates/s), platform at "
                        + "%.0f%% of the bare engine", stage.getKey(), where, seconds(stage.getValue()),
                        candidates / seconds(stage.getValue()), seconds(bareTime),
                        candidates / seconds(bareTime), 100 * seconds(bareTime) / seconds(stage.getValue()));
            }
        }
        printFirstAndLast(where, platform.candidateTimes());
        printCpu("bare engine", bare);
        printCpu(where, platform);
        printCpuBudget(where, bare, platform);
        printStatements(where, platform);
        printRequests(where, platform);
        if (twoInstances) {
            print("%s: the passage planted in two Task 3 submissions, screened at one deadline: %s", where,
                    platform.nearDuplicatesFound().isEmpty() ? "NOT FOUND" : "found, "
                            + platform.nearDuplicatesFound());
        }
    }

    /**
     * On a machine whose cores are all busy, the pace is set by the CPU time a candidate costs: this shows where it
     * goes, from ready to the last stage.
     */
    private static void printCpu(String where, LifecycleDriver.Figures figures) {
        double total = cpuSeconds(figures);
        double wall = seconds(figures.stagesDone().get(LAST_STAGE));
        StringBuilder parts = new StringBuilder();
        figures.cpuUsed().forEach((process, cpu) -> parts.append(String.format("%s %.0f s; ", process, seconds(cpu))));
        print("%s: CPU used to hand-off: %s%.0f s in all, %.2f cores on average, %.2f s a candidate", where, parts,
                total, total / wall, total / figures.candidates());
        if (!figures.cpuByThreads().isEmpty()) {
            double threads = figures.cpuByThreads().values().stream().mapToDouble(LifecycleBenchmark::seconds).sum();
            StringBuilder groups = new StringBuilder();
            figures.cpuByThreads().forEach((group, cpu) -> groups.append(String.format("%s%s %.0f s (%.0f%%)",
                    groups.isEmpty() ? "" : ", ", group, seconds(cpu), 100 * seconds(cpu) / threads)));
            print("%s: its JVM's CPU by thread: %s", where, groups);
        }
    }

    /**
     * The most CPU a candidate may cost the platform for it to keep 80% of the bare engine's pace on this machine's
     * cores, all of them busy: what the target asks, in the unit the platform is bound by.
     */
    private static void printCpuBudget(String where, LifecycleDriver.Figures bare, LifecycleDriver.Figures platform) {
        int cores = Runtime.getRuntime().availableProcessors();
        double allowedWall = seconds(bare.stagesDone().get(LAST_STAGE)) / 0.8;
        print("%s: at 80%% of the bare engine's pace (hand-off within %.1f s) on %d cores a candidate may cost at most "
                + "%.2f s of CPU; it cost %.2f s", where, allowedWall, cores, cores * allowedWall
                / platform.candidates(), cpuSeconds(platform) / platform.candidates());
    }

    private static double cpuSeconds(LifecycleDriver.Figures figures) {
        return figures.cpuUsed().values().stream().mapToDouble(LifecycleBenchmark::seconds).sum();
    }

    /** The database's side: how many statements a candidate costs, and the ones that took longest. */
    private static void printStatements(String where, LifecycleDriver.Figures figures) {
        if (figures.statements().isEmpty()) {
            return;
        }
        long runs = figures.statements().stream().mapToLong(LifecycleDriver.StatementDigest::runs).sum();
        print("%s: %d statements, %.0f a candidate (with MariaDB's statement statistics on, which slow it)", where,
                runs, (double) runs / figures.candidates());
        for (LifecycleDriver.StatementDigest statement : figures.statements().subList(0,
                Math.min(15, figures.statements().size()))) {
            print("%s: statement %8d runs %8.1f s %10d rows read  %.160s", where, statement.runs(),
                    seconds(statement.time()), statement.rowsRead(), statement.text().replaceAll("\\s+", " "));
        }
    }

    /** The driver's side: what it asked of the app, a candidate, the most frequent first. */
    private static void printRequests(String where, LifecycleDriver.Figures figures) {
        long sent = figures.requests().values().stream().mapToLong(Long::longValue).sum();
        print("%s: %d requests, %.1f a candidate", where, sent, (double) sent / figures.candidates());
        figures.requests().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(request -> print("%s: requests a candidate %6.2f  %s", where,
                        (double) request.getValue() / figures.candidates(), request.getKey()));
    }

    /** Candidates begin in order, a client thread each; a slowdown shows as later candidates taking longer. */
    private static void printFirstAndLast(String where, List<Duration> times) {
        int tenth = Math.max(1, times.size() / 10);
        double first = mean(times.subList(0, tenth));
        double last = mean(times.subList(times.size() - tenth, times.size()));
        print("%s: a candidate's first request to four tasks submitted, mean of the first %d %.2f s, of the last %d "
                + "%.2f s (%+.0f%%)", where, tenth, first, tenth, last, 100 * (last / first - 1));
    }

    private static double mean(List<Duration> times) {
        return times.stream().mapToDouble(LifecycleBenchmark::seconds).average().orElseThrow();
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static void print(String format, Object... values) {
        System.out.printf("BENCHMARK lifecycle: %s%n", String.format(format, values));
    }
}

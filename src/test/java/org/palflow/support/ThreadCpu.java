package org.palflow.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU time of a JVM's threads on Linux ({@code /proc/<pid>/task}), summed by what they do: where a run's CPU
 * went, beside the process's total. A thread is known by its name as the kernel keeps it (15 characters).
 */
public final class ThreadCpu {

    /** The unit of the times in {@code /proc/.../stat}: a hundredth of a second on every usual Linux build. */
    private static final long TICKS_PER_SECOND = 100;
    private static final List<Map.Entry<String, String>> GROUP_BY_NAME_PREFIX = List.of(
            Map.entry("C1 CompilerThre", "JIT compilers"),
            Map.entry("C2 CompilerThre", "JIT compilers"),
            Map.entry("zb-", "engine"),
            Map.entry("zeebe-snapshots", "engine snapshots and record readers"),
            Map.entry("grpc-", "engine gateway and client (gRPC)"),
            Map.entry("http-nio-", "HTTP requests"),
            Map.entry("pool-", "job workers"),
            Map.entry("evidence-extrac", "text extraction"),
            Map.entry("ForkJoinPool-", "virtual threads"),
            Map.entry("task-", "hand-offs (task pool)"),
            Map.entry("mail-delivery", "mail"),
            Map.entry("driver-client-", "driver's clients"),
            Map.entry("smtp:", "test mail server"),
            Map.entry("VM Thread", "garbage collection and safepoints"),
            Map.entry("GC Thread", "garbage collection and safepoints"));
    static final String ENDED = "threads gone by the end, and others";

    /** Each live thread's name and CPU time so far, by thread id. */
    public record Reading(long processCpuNanos, Map<Long, Map.Entry<String, Long>> threads) {
    }

    private ThreadCpu() {
    }

    /** Where /proc is not there, an empty reading: the figures then show only the process's total. */
    public static Reading read(ProcessHandle process) {
        Map<Long, Map.Entry<String, Long>> threads = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                // "tid (name) state ..." where the name may itself hold spaces and parentheses
                int open = stat.indexOf('(');
                int close = stat.lastIndexOf(')');
                String[] fields = stat.substring(close + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                threads.put(Long.parseLong(task.getFileName().toString()),
                        Map.entry(stat.substring(open + 1, close), ticks * 1_000_000_000L / TICKS_PER_SECOND));
            }
        } catch (IOException noProc) {
            threads.clear();
        }
        return new Reading(process.info().totalCpuDuration().orElse(Duration.ZERO).toNanos(), threads);
    }

    /**
     * The CPU each group of threads used between two readings of one process, largest first; what threads that
     * ended in between used is only in the process's total, shown as its own line.
     */
    public static Map<String, Duration> usedBetween(Reading before, Reading after) {
        Map<String, Long> nanos = new HashMap<>();
        long grouped = 0;
        for (var thread : after.threads().entrySet()) {
            var earlier = before.threads().get(thread.getKey());
            long used = thread.getValue().getValue() - (earlier == null ? 0 : earlier.getValue());
            nanos.merge(groupOf(thread.getValue().getKey()), used, Long::sum);
            grouped += used;
        }
        nanos.merge(ENDED, Math.max(0, after.processCpuNanos() - before.processCpuNanos() - grouped), Long::sum);
        Map<String, Duration> sorted = new LinkedHashMap<>();
        nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(group -> sorted.put(group.getKey(), Duration.ofNanos(group.getValue())));
        return sorted;
    }

    static String groupOf(String threadName) {
        return GROUP_BY_NAME_PREFIX.stream().filter(prefix -> threadName.startsWith(prefix.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(ENDED);
    }
}

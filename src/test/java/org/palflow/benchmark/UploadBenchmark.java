package org.palflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.palflow.PalFlowApplication;
import org.palflow.support.Api;
import org.palflow.support.EvidenceFixtures;
import org.palflow.support.TestDataDirs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run with {@code ./pal test -Pbenchmark}. Uploads a file just under the 500 MB limit through the HTTP API
 * into a draft, in rounds, and prints its throughput next to a plain file copy on the same disk in the same round
 * (left in the page cache, and flushed to the disk as the upload is before it is answered), and how much the heap
 * grew at most while one streamed. Prints figures; asserts only that the uploads were stored.
 */
class UploadBenchmark {

    private static final long SIZE = 500L * 1024 * 1024 - 1024;
    private static final int ROUNDS = 9;

    @Test
    void uploadOf500MegabytesAgainstAPlainCopy() throws Exception {
        Path dataDir = TestDataDirs.fresh("benchmark");
        Path work = Files.createDirectories(dataDir.resolve("work"));
        // A real PDF whose text is read in a moment, so that the reading after each upload does not run into the next
        // round; a PDF that is all padding has no cross-reference table, and Tika's PDF parser would scan all of it.
        Path source = EvidenceFixtures.largePdf(work.resolve("evidence.pdf"), SIZE, "School improvement evidence");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PalFlowApplication.class)
                .run("--server.port=0", "--pal.zeebe.embedded.port=0", "--pal.data-dir=" + dataDir,
                        "--logging.level.root=WARN")) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            long draft = blakesTask2Draft(port);

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            AtomicLong peak = new AtomicLong();
            Thread sampler = Thread.ofPlatform().daemon().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            // The disk's and the CPU's speed here move from one second to the next, so one upload beside one copy
            // says little: each round times them back to back, and the figures are the rounds' medians.
            Path copy = work.resolve("copy.pdf");
            long[][] rounds = new long[ROUNDS][];
            long heapGrowth = 0;
            for (int round = 0; round < ROUNDS; round++) {
                awaitQuiet();
                forgetUploads(dataDir.resolve("evidence"));
                long copyNanos = time(() -> Files.copy(source, copy));
                Files.delete(copy);
                long flushedCopyNanos = time(() -> {
                    Files.copy(source, copy);
                    flush(copy);
                });
                Files.delete(copy);
                long hashedCopyNanos = time(() -> hashedCopy(source, copy));
                Files.delete(copy);
                long hashOnlyNanos = time(UploadBenchmark::hashOnly);
                System.gc();
                long baseline = memory.getHeapMemoryUsage().getUsed();
                peak.set(baseline);
                int[] status = new int[1];
                long uploadNanos = time(() -> status[0] = upload(port, draft, source));
                assertThat(status[0]).as("HTTP status of upload %d", round + 1).isEqualTo(201);
                heapGrowth = Math.max(heapGrowth, peak.get() - baseline);
                rounds[round] = new long[] {copyNanos, flushedCopyNanos, hashOnlyNanos, hashedCopyNanos, uploadNanos};
            }
            sampler.interrupt();

            System.out.printf("%nBENCHMARK upload of %d MB through PUT /api/drafts/{id}/parts/C/file, median of %d"
                    + " rounds (slowest-fastest)%n", SIZE / (1024 * 1024), ROUNDS);
            String[] names = {"plain file copy, same disk", "plain file copy flushed to disk, as the upload is",
                "SHA-256 alone, of bytes already in memory", "read, SHA-256, write and flush in one thread, no HTTP",
                "HTTP upload with SHA-256 (curl)"};
            for (int figure = 0; figure < names.length; figure++) {
                int column = figure;
                long[] nanos = Arrays.stream(rounds).mapToLong(r -> r[column]).sorted().toArray();
                System.out.printf("BENCHMARK   %s: %6.0f MB/s (%.0f-%.0f)%n", names[figure],
                        mbPerSecond(nanos[ROUNDS / 2]), mbPerSecond(nanos[ROUNDS - 1]), mbPerSecond(nanos[0]));
            }
            double[] shares = Arrays.stream(rounds).mapToDouble(r -> (double) r[1] / r[4]).sorted().toArray();
            double[] cacheShares = Arrays.stream(rounds).mapToDouble(r -> (double) r[0] / r[4]).sorted()
                    .toArray();
            System.out.printf("BENCHMARK   upload against the flushed copy of its round: %.0f%% (%.0f-%.0f%%);"
                    + " against the page-cache copy: %.0f%% (%.0f-%.0f%%)%n", 100 * shares[ROUNDS / 2],
                    100 * shares[0], 100 * shares[ROUNDS - 1], 100 * cacheShares[ROUNDS / 2], 100 * cacheShares[0],
                    100 * cacheShares[ROUNDS - 1]);
            System.out.printf("BENCHMARK   peak heap growth during an upload, the largest of the rounds: %.1f MB"
                    + " (heap max %d MB)%n%n", heapGrowth / (1024.0 * 1024),
                    memory.getHeapMemoryUsage().getMax() / (1024 * 1024));
        }
    }

    /**
     * Each upload is read for its text afterwards, on other threads of this JVM: a round starts once they are done,
     * or it would time them instead of its own copies and upload.
     */
    private static void awaitQuiet() throws InterruptedException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (long before = os.getProcessCpuTime(); System.nanoTime() < deadline; ) {
            Thread.sleep(500);
            long now = os.getProcessCpuTime();
            if (now - before < 50_000_000L) {
                return;
            }
            before = now;
        }
        throw new AssertionError("this JVM stayed busy for two minutes after an upload");
    }

    /**
     * Each upload is a new version the store keeps, so without this every round would write into memory the page
     * cache has never held, which on this virtual machine costs ten times what reusing it does (the copies above
     * reuse theirs): the rounds would slow down one after another for a reason of the host's.
     */
    private static void forgetUploads(Path evidence) throws IOException {
        if (Files.isDirectory(evidence)) {
            try (var files = Files.walk(evidence)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private static long blakesTask2Draft(int port) {
        long blake = Api.as(port, "blake").post("/api/registrations", Map.of("fullName", "Blake Candidate",
                "email", "blake.candidate@palflow.example", "programCode", "BAYSTATE-LEAD", "cohortCode", "2026-FALL",
                "district", "Springfield Public Schools", "school", "Lincoln Elementary School",
                "handbookVersion", "2025-26", "policiesConfirmed", true)).getBody().get("id").asLong();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(
                Api.as(port, "blake").get("/api/registrations/" + blake).getBody().get("status").asText()));
        return Api.as(port, "blake").post("/api/drafts", Map.of("task", 2)).getBody().get("id").asLong();
    }

    /**
     * Sends the file with curl, a process of its own: an HTTP client inside this JVM would add its own buffers to
     * the heap measured here and take CPU from the server it measures.
     */
    private static int upload(int port, long draft, Path file) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("curl", "--silent", "--show-error", "--output", "/dev/null",
                "--write-out", "%{http_code}", "--user", "blake:blake-pal",
                "--header", "Content-Type: application/octet-stream", "--upload-file", file.toString(),
                "http://localhost:" + port + "/api/drafts/" + draft + "/parts/C/file?name=report.pdf")
                .redirectErrorStream(true).start();
        String answer = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        curl.waitFor();
        return Integer.parseInt(answer);
    }

    /** The plainest store without HTTP: one thread reads, hashes and writes through the page cache, then flushes. */
    private static void hashedCopy(Path from, Path to) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        try (var in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            for (int read; (read = in.read(buffer)) != -1; ) {
                sha256.update(buffer, 0, read);
                out.write(buffer, 0, read);
            }
        }
        flush(to);
        sha256.digest();
    }

    private static void flush(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(false);
        }
    }

    /** The ceiling of any store that hashes what it keeps: the digest of as many bytes, without reading or writing. */
    private static void hashOnly() throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        new Random(SIZE).nextBytes(buffer);
        for (long hashed = 0; hashed < SIZE; hashed += buffer.length) {
            sha256.update(buffer, 0, (int) Math.min(buffer.length, SIZE - hashed));
        }
        sha256.digest();
    }

    private interface Step {
        void run() throws Exception;
    }

    private static long time(Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        return System.nanoTime() - started;
    }

    private static double mbPerSecond(long nanos) {
        return (SIZE / (1024.0 * 1024)) / (nanos / 1e9);
    }
}

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
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.palflow.PalFlowApplication;
import org.palflow.support.Api;
import org.palflow.support.TestDataDirs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run with {@code ./pal test -Pbenchmark}. Uploads a file just under the 500 MB limit through the HTTP API
 * into a draft and prints its throughput next to a plain file copy on the same disk (left in the page cache, and
 * flushed to the disk as the upload is before it is answered), and how much the heap grew
 * at most while it streamed. Prints figures; asserts only that the upload was stored.
 */
class UploadBenchmark {

    private static final long SIZE = 500L * 1024 * 1024 - 1024;

    @Test
    void uploadOf500MegabytesAgainstAPlainCopy() throws Exception {
        Path dataDir = TestDataDirs.fresh("benchmark");
        Path work = Files.createDirectories(dataDir.resolve("work"));
        Path source = writePdfOfSize(work.resolve("evidence.pdf"));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PalFlowApplication.class)
                .run("--server.port=0", "--pal.zeebe.embedded.port=0", "--pal.data-dir=" + dataDir,
                        "--logging.level.root=WARN")) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            long draft = blakesTask2Draft(port);

            long copyNanos = time(() -> Files.copy(source, work.resolve("copy.pdf")));
            Files.delete(work.resolve("copy.pdf"));
            long flushedCopyNanos = time(() -> {
                Files.copy(source, work.resolve("copy.pdf"));
                flush(work.resolve("copy.pdf"));
            });
            Files.delete(work.resolve("copy.pdf"));
            long hashedCopyNanos = time(() -> hashedCopy(source, work.resolve("copy.pdf")));
            Files.delete(work.resolve("copy.pdf"));
            long hashOnlyNanos = time(UploadBenchmark::hashOnly);

            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long baseline = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peak = new AtomicLong(baseline);
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
            int[] status = new int[1];
            long uploadNanos = time(() -> status[0] = upload(port, draft, source));
            sampler.interrupt();

            assertThat(status[0]).as("HTTP status of the upload").isEqualTo(201);
            System.out.printf("%nBENCHMARK upload of %d MB through PUT /api/drafts/{id}/parts/C/file%n",
                    SIZE / (1024 * 1024));
            System.out.printf("BENCHMARK   plain file copy, same disk: %6.0f MB/s (%.2f s)%n",
                    mbPerSecond(copyNanos), copyNanos / 1e9);
            System.out.printf("BENCHMARK   plain file copy flushed to disk, as the upload is: %6.0f MB/s (%.2f s)%n",
                    mbPerSecond(flushedCopyNanos), flushedCopyNanos / 1e9);
            System.out.printf("BENCHMARK   SHA-256 alone, of bytes already in memory: %6.0f MB/s (%.2f s)%n",
                    mbPerSecond(hashOnlyNanos), hashOnlyNanos / 1e9);
            System.out.printf("BENCHMARK   read, SHA-256, write and flush in one thread, no HTTP: %6.0f MB/s (%.2f s)%n",
                    mbPerSecond(hashedCopyNanos), hashedCopyNanos / 1e9);
            System.out.printf("BENCHMARK   HTTP upload with SHA-256 (curl): %6.0f MB/s (%.2f s)%n",
                    mbPerSecond(uploadNanos), uploadNanos / 1e9);
            System.out.printf("BENCHMARK   peak heap growth during upload: %.1f MB (heap max %d MB)%n%n",
                    (peak.get() - baseline) / (1024.0 * 1024), memory.getHeapMemoryUsage().getMax() / (1024 * 1024));
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

    /** What the upload does without HTTP: a copy that hashes as it writes, 64 KB at a time, and flushes as the store. */
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

    private static Path writePdfOfSize(Path file) throws IOException {
        byte[] block = new byte[1024 * 1024];
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, block, 0, header.length);
        try (OutputStream out = Files.newOutputStream(file)) {
            long written = 0;
            while (written < SIZE) {
                int length = (int) Math.min(block.length, SIZE - written);
                out.write(block, 0, length);
                written += length;
                block[0] = (byte) (written % 251); // later blocks differ, so nothing is trivially compressible
            }
        }
        return file;
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

package org.palflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.palflow.platform.PlatformProperties;

/**
 * The store reads on the caller's thread while others hash and write, through buffers it lends from one upload to
 * the next: what it keeps must be the bytes sent, in order, with their digest, whatever the size and however many
 * uploads run at once; what it refuses leaves nothing behind.
 */
class LocalEvidenceStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void keepsTheBytesInOrderWithTheirDigestAcrossManyBuffers() throws Exception {
        LocalEvidenceStore store = store();
        for (int size : List.of(0, 1, 20_000, 1024 * 1024, 9 * 1024 * 1024 + 7)) {
            byte[] bytes = randomBytes(size, size);
            EvidenceStore.Stored stored = store.put(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
            assertThat(stored.size()).as("size of %d bytes", size).isEqualTo(size);
            assertThat(stored.sha256()).as("digest of %d bytes", size).isEqualTo(sha256(bytes));
            assertThat(Files.readAllBytes(store.localPath(stored.key()))).as("content of %d bytes", size)
                    .isEqualTo(bytes);
        }
        assertThat(partialFiles()).isEmpty();
    }

    @Test
    void uploadsAtOnceKeepTheirOwnBytes() throws Exception {
        LocalEvidenceStore store = store();
        var pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Void>> uploads = new java.util.ArrayList<>();
            for (int upload = 0; upload < 12; upload++) {
                byte[] bytes = randomBytes(upload, 3 * 1024 * 1024 + upload * 4099);
                uploads.add(() -> {
                    EvidenceStore.Stored stored = store.put(new ByteArrayInputStream(bytes), Long.MAX_VALUE);
                    assertThat(stored.sha256()).isEqualTo(sha256(bytes));
                    assertThat(Files.readAllBytes(store.localPath(stored.key()))).isEqualTo(bytes);
                    return null;
                });
            }
            for (Future<Void> upload : pool.invokeAll(uploads)) {
                upload.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void refusesWhatPassesTheLimitAndKeepsNothingOfIt() throws Exception {
        LocalEvidenceStore store = store();
        byte[] bytes = randomBytes(7, 6 * 1024 * 1024);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(bytes), 5L * 1024 * 1024))
                .isInstanceOf(EvidenceStore.TooLarge.class);
        assertThat(partialFiles()).isEmpty();
        assertThat(keptFiles()).isEmpty();
    }

    @Test
    void aStreamThatBreaksPartWayFailsTheUploadAndKeepsNothing() throws Exception {
        LocalEvidenceStore store = store();
        InputStream breaksAfterThreeMegabytes = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ == 3 * 1024 * 1024) {
                    throw new IOException("connection reset by the client");
                }
                return sent & 0xff;
            }
        };
        assertThatThrownBy(() -> store.put(breaksAfterThreeMegabytes, Long.MAX_VALUE))
                .isInstanceOf(IOException.class).hasMessage("connection reset by the client");
        assertThat(partialFiles()).isEmpty();
        assertThat(keptFiles()).isEmpty();

        byte[] next = randomBytes(11, 2 * 1024 * 1024);
        assertThat(store.put(new ByteArrayInputStream(next), Long.MAX_VALUE).sha256()).isEqualTo(sha256(next));
    }

    private LocalEvidenceStore store() {
        return new LocalEvidenceStore(new PlatformProperties(dataDir, ZoneId.of("America/New_York"), "admin@x"));
    }

    private List<Path> partialFiles() throws IOException {
        try (var files = Files.walk(dataDir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".part")).toList();
        }
    }

    private List<Path> keptFiles() throws IOException {
        try (var files = Files.walk(dataDir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] randomBytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}

package org.palflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Direct writes go in whole blocks, so a short last buffer is written padded and cut back: the file must hold exactly
 * the bytes given, as it does through the page cache.
 */
class EvidenceFileWriterTest {

    private static final int BUFFER = 64 * 1024;

    @TempDir
    Path folder;

    @Test
    void writesDirectlyWhereTheFileSystemAllowsIt() throws Exception {
        int blockSize = EvidenceFileWriter.directBlockSize(folder, BUFFER);
        assertThat(blockSize).as("block size of the test folder's file system").isPositive();
        Path file = Files.createFile(folder.resolve("direct"));
        try (EvidenceFileWriter writer = EvidenceFileWriter.open(file, BUFFER, blockSize)) {
            assertThat(writer.direct()).isTrue();
        }
    }

    @Test
    void keepsExactlyTheBytesGivenDirectlyAndThroughThePageCache() throws Exception {
        int blockSize = EvidenceFileWriter.directBlockSize(folder, BUFFER);
        for (int size : new int[] {0, 1, blockSize - 1, blockSize + 1, BUFFER, 2 * BUFFER, 3 * BUFFER + 5_000}) {
            for (int writeBlock : new int[] {blockSize, 0}) {
                byte[] bytes = new byte[size];
                new Random(size).nextBytes(bytes);
                Path file = Files.createFile(folder.resolve("file-" + size + "-" + writeBlock));
                try (EvidenceFileWriter writer = EvidenceFileWriter.open(file, BUFFER, writeBlock)) {
                    for (int offset = 0; offset < size; offset += BUFFER) {
                        int length = Math.min(BUFFER, size - offset);
                        writer.write(Arrays.copyOfRange(bytes, offset, offset + BUFFER), length);
                    }
                    writer.finish();
                }
                assertThat(Files.readAllBytes(file)).as("%d bytes in blocks of %d", size, writeBlock)
                        .isEqualTo(bytes);
            }
        }
    }

    @Test
    void refusesAWriteAfterAShortOne() throws Exception {
        int blockSize = EvidenceFileWriter.directBlockSize(folder, BUFFER);
        Path file = Files.createFile(folder.resolve("short"));
        try (EvidenceFileWriter writer = EvidenceFileWriter.open(file, BUFFER, blockSize)) {
            writer.write(new byte[BUFFER], 100);
            assertThatThrownBy(() -> writer.write(new byte[BUFFER], BUFFER))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}

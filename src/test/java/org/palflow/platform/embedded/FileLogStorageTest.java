package org.palflow.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.palflow.support.TestDataDirs;

/** The engine's log on disk: what was reported committed is read back in order, a torn tail is cut off. */
class FileLogStorageTest {

    private final Path directory = TestDataDirs.fresh("log").resolve("log");

    @Test
    void blocksAreReadBackInOrderAfterReopeningAndASeekLandsOnTheBlockHoldingThePosition() {
        try (FileLogStorage log = new FileLogStorage(directory, 1024 * 1024)) {
            for (int block = 0; block < 10; block++) {
                append(log, block * 10L + 1, block * 10L + 10, "block " + block);
            }
        }
        try (FileLogStorage log = new FileLogStorage(directory, 1024 * 1024)) {
            assertThat(readFrom(log, Long.MIN_VALUE)).hasSize(10).startsWith("block 0").endsWith("block 9");
            assertThat(readFrom(log, 45)).startsWith("block 4").hasSize(6);
            assertThat(log.highestPosition()).isEqualTo(100);
        }
    }

    @Test
    void aBlockTornByACrashIsCutOffAndWritingGoesOnAfterTheLastWholeOne() throws IOException {
        try (FileLogStorage log = new FileLogStorage(directory, 1024 * 1024)) {
            append(log, 1, 5, "whole");
            append(log, 6, 9, "torn by the crash");
        }
        Path segment = onlySegment();
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            file.truncate(Files.size(segment) - 3);
        }
        try (FileLogStorage log = new FileLogStorage(directory, 1024 * 1024)) {
            assertThat(readFrom(log, Long.MIN_VALUE)).containsExactly("whole");
            assertThat(log.highestPosition()).isEqualTo(5);
            append(log, 6, 8, "after the restart");
            assertThat(readFrom(log, Long.MIN_VALUE)).containsExactly("whole", "after the restart");
        }
    }

    @Test
    void compactionDeletesWholeSegmentsBelowThePositionButNeverTheOneBeingWritten() throws IOException {
        try (FileLogStorage log = new FileLogStorage(directory, 32)) {
            for (int block = 0; block < 6; block++) {
                append(log, block * 10L + 1, block * 10L + 10, "block " + block + " of some length to roll");
            }
            assertThat(segments()).hasSize(6);
            assertThat(log.compactBelow(35)).isEqualTo(3);
            assertThat(readFrom(log, Long.MIN_VALUE)).first().asString().startsWith("block 3");
            assertThat(log.compactBelow(Long.MAX_VALUE)).isEqualTo(2);
            assertThat(readFrom(log, Long.MIN_VALUE)).hasSize(1).first().asString().startsWith("block 5");
        }
    }

    private static void append(LogStorage log, long lowest, long highest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        log.append(lowest, highest, new BufferWriter() {
            @Override
            public int getLength() {
                return bytes.length;
            }

            @Override
            public int write(MutableDirectBuffer buffer, int offset) {
                buffer.putBytes(offset, bytes);
                return bytes.length;
            }
        }, new LogStorage.AppendListener() {
        });
    }

    private static List<String> readFrom(FileLogStorage log, long position) {
        List<String> blocks = new ArrayList<>();
        try (LogStorageReader reader = log.newReader()) {
            reader.seek(position);
            while (reader.hasNext()) {
                DirectBuffer block = reader.next();
                blocks.add(block.getStringWithoutLengthUtf8(0, block.capacity()));
            }
        }
        return blocks;
    }

    private Path onlySegment() throws IOException {
        List<Path> all = segments();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}

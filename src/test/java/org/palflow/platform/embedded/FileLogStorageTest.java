package org.palflow.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;
import org.palflow.support.TestDataDirs;

/**
 * The engine's log on disk: what was reported committed is read back in order, a torn tail is cut off, blocks are
 * readable only once forced.
 */
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
    void zerosACrashLeftAfterTheLastBlockAreCutOffNotReadAsEmptyBlocks() throws IOException {
        try (FileLogStorage log = new FileLogStorage(directory, 1024 * 1024)) {
            append(log, 1, 5, "whole");
        }
        Path segment = onlySegment();
        long whole = Files.size(segment);
        // The file grew but the data never reached the disk: ext4 and others can leave that after a crash.
        Files.write(segment, new byte[256], StandardOpenOption.APPEND);
        try (FileLogStorage log = new FileLogStorage(directory, 1024 * 1024)) {
            assertThat(readFrom(log, Long.MIN_VALUE)).containsExactly("whole");
            assertThat(log.highestPosition()).isEqualTo(5);
        }
        assertThat(Files.size(segment)).isEqualTo(whole);
    }

    @Test
    void aReaderInterruptedWhileReadingStopsItsOwnReadButNotTheLog() {
        try (FileLogStorage log = new FileLogStorage(directory, 1024 * 1024)) {
            append(log, 1, 5, "before");
            // As a dashboard request's thread may be when the server stops it.
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> readFrom(log, Long.MIN_VALUE))
                        .hasCauseInstanceOf(ClosedByInterruptException.class);
            } finally {
                Thread.interrupted();
            }

            append(log, 6, 9, "after");
            assertThat(readFrom(log, Long.MIN_VALUE)).containsExactly("before", "after");
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

    @Test
    void aBlockWrittenButNotYetForcedIsNotReadAndTheOneBeforeItIsReadWhole() throws Exception {
        try (FileLogStorage log = new FileLogStorage(directory, 1024 * 1024)) {
            append(log, 1, 5, "committed");
            CountDownLatch secondCommitted = new CountDownLatch(1);
            // The flusher takes written blocks under the log's lock: holding it keeps the second block unforced.
            synchronized (log) {
                log.append(6, 9, writer("written, not yet forced"), new LogStorage.AppendListener() {
                    @Override
                    public void onCommit(long index, long highestPosition) {
                        secondCommitted.countDown();
                    }
                });
                assertThat(readFrom(log, Long.MIN_VALUE)).containsExactly("committed");
                assertThat(log.highestPosition()).isEqualTo(5);
            }
            assertThat(secondCommitted.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(readFrom(log, Long.MIN_VALUE)).containsExactly("committed", "written, not yet forced");
        }
    }

    @Test
    void blocksWrittenByManyThreadsAreCommittedAndReadWholeInTheOrderTheyWereWritten() throws Exception {
        int threads = 8;
        int blocksEach = 200;
        List<Long> committed = Collections.synchronizedList(new ArrayList<>());
        AtomicLong nextPosition = new AtomicLong(1);
        Object sequencer = new Object();
        try (FileLogStorage log = new FileLogStorage(directory, 64 * 1024)) {
            ExecutorService writers = Executors.newFixedThreadPool(threads);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(writers.submit(() -> {
                    for (int b = 0; b < blocksEach; b++) {
                        // As the engine's sequencer does: positions are handed out and written under one lock.
                        synchronized (sequencer) {
                            long position = nextPosition.getAndIncrement();
                            log.append(position, position, writer("block at " + position),
                                    new LogStorage.AppendListener() {
                                        @Override
                                        public void onCommit(long index, long highestPosition) {
                                            committed.add(highestPosition);
                                        }
                                    });
                        }
                    }
                }));
            }
            // Read as the engine does, while the writers go on: every block whole, in order, none past the forced.
            List<String> readMeanwhile = new ArrayList<>();
            try (LogStorageReader reader = log.newReader()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (readMeanwhile.size() < threads * blocksEach && System.nanoTime() < deadline) {
                    while (reader.hasNext()) {
                        DirectBuffer block = reader.next();
                        readMeanwhile.add(block.getStringWithoutLengthUtf8(0, block.capacity()));
                    }
                }
            }
            for (Future<?> writer : done) {
                writer.get();
            }
            writers.shutdown();
            assertThat(readMeanwhile).hasSize(threads * blocksEach);
            for (int i = 0; i < readMeanwhile.size(); i++) {
                assertThat(readMeanwhile.get(i)).isEqualTo("block at " + (i + 1));
            }
        }
        int all = threads * blocksEach;
        assertThat(committed).hasSize(all).isSorted();
        try (FileLogStorage log = new FileLogStorage(directory, 64 * 1024)) {
            List<String> blocks = readFrom(log, Long.MIN_VALUE);
            assertThat(blocks).hasSize(all).startsWith("block at 1").endsWith("block at " + all);
        }
    }

    /** Appends and waits until the block is reported committed, as the engine waits to read what it wrote. */
    private static void append(LogStorage log, long lowest, long highest, String text) {
        CountDownLatch committed = new CountDownLatch(1);
        log.append(lowest, highest, writer(text), new LogStorage.AppendListener() {
            @Override
            public void onCommit(long index, long highestPosition) {
                committed.countDown();
            }
        });
        try {
            assertThat(committed.await(10, TimeUnit.SECONDS)).as("committed").isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BufferWriter writer(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new BufferWriter() {
            @Override
            public int getLength() {
                return bytes.length;
            }

            @Override
            public int write(MutableDirectBuffer buffer, int offset) {
                buffer.putBytes(offset, bytes);
                return bytes.length;
            }
        };
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

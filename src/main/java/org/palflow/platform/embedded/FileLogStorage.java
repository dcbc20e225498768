package org.palflow.platform.embedded;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's log on disk: append-only segment files of blocks, each block the batch of records the engine wrote
 * in one go, framed with its positions and a checksum and forced to disk before the engine hears it is committed.
 * A block torn by a crash (the last one of the last segment) is cut off when the log is opened: the engine was
 * never told it was committed. Whole segments below the latest state snapshot are deleted by {@link #compactBelow}.
 * <p>
 * The engine appends under its sequencer's lock, so a force inside {@code append} held up every other writer (the
 * gateway's commands, the engine's own follow-ups) for the length of an {@code fdatasync}. Blocks are written there
 * and forced by one flusher thread instead, all that were written meanwhile with one force; only then can they be
 * read or are they reported committed, in the order they were written.
 */
final class FileLogStorage implements LogStorage, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FileLogStorage.class);

    /** length, lowest position, highest position, checksum. */
    private static final int FRAME_HEADER = Integer.BYTES + 2 * Long.BYTES + Integer.BYTES;
    private static final String SUFFIX = ".log";

    private final Path directory;
    private final long segmentSize;
    private final List<Segment> segments = new ArrayList<>();
    private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();
    /** Written but not yet forced to disk, in the order they were written; the flusher takes them all at once. */
    private final List<WrittenBlock> unforced = new ArrayList<>();
    private final Thread flusher;
    private ByteBuffer frame = ByteBuffer.allocateDirect(64 * 1024);
    private long appendedBlocks;
    private boolean closing;
    private IOException flushFailure;

    FileLogStorage(Path directory, long segmentSize) {
        this.directory = directory;
        this.segmentSize = segmentSize;
        try {
            Files.createDirectories(directory);
            List<Path> files;
            try (Stream<Path> listing = Files.list(directory)) {
                files = listing.filter(file -> file.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
            }
            for (int i = 0; i < files.size(); i++) {
                segments.add(Segment.open(files.get(i), i == files.size() - 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The engine's log under " + directory + " cannot be read", e);
        }
        // A daemon: a JVM that ends without closing the log is a crash to it, and nothing unforced was reported.
        flusher = Thread.ofPlatform().name("zb-log-flusher").daemon(true).start(this::flushUntilClosed);
    }

    /** The highest position on disk, or -1 for an empty log. */
    synchronized long highestPosition() {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i).blocks > 0) {
                return segments.get(i).highest;
            }
        }
        return -1;
    }

    /** The lowest position still on disk, or -1 for an empty log. */
    synchronized long lowestPosition() {
        return segments.stream().filter(segment -> segment.blocks > 0).findFirst()
                .map(segment -> segment.lowest[0]).orElse(-1L);
    }

    synchronized long sizeOnDisk() {
        return segments.stream().mapToLong(segment -> segment.length).sum();
    }

    @Override
    public void append(long lowestPosition, long highestPosition, BufferWriter bufferWriter,
            AppendListener listener) {
        long index;
        synchronized (this) {
            if (flushFailure != null) {
                throw new UncheckedIOException("The engine's log could not be forced to disk", flushFailure);
            }
            int length = bufferWriter.getLength();
            if (frame.capacity() < FRAME_HEADER + length) {
                frame = ByteBuffer.allocateDirect(Integer.highestOneBit(FRAME_HEADER + length) << 1);
            }
            frame.clear();
            bufferWriter.write(new UnsafeBuffer(frame, FRAME_HEADER, length), 0);
            CRC32C checksum = new CRC32C();
            checksum.update(frame.slice(FRAME_HEADER, length));
            frame.putInt(0, length).putLong(4, lowestPosition).putLong(12, highestPosition)
                    .putInt(20, (int) checksum.getValue());
            frame.limit(FRAME_HEADER + length);
            try {
                Segment segment = activeSegment(lowestPosition);
                long offset = segment.write(frame);
                index = ++appendedBlocks;
                unforced.add(new WrittenBlock(segment, lowestPosition, highestPosition, offset, segment.length, index,
                        listener));
            } catch (IOException e) {
                throw new UncheckedIOException("The engine's log could not be written", e);
            }
            notifyAll();
        }
        listener.onWrite(index, highestPosition);
    }

    private record WrittenBlock(Segment segment, long lowestPosition, long highestPosition, long offset, long end,
            long index, AppendListener listener) {
    }

    private void flushUntilClosed() {
        List<WrittenBlock> batch = new ArrayList<>();
        while (true) {
            synchronized (this) {
                while (unforced.isEmpty() && !closing) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (unforced.isEmpty()) {
                    return;
                }
                batch.addAll(unforced);
                unforced.clear();
            }
            try {
                // Appends go on while this forces; a later force takes what they wrote.
                Segment forced = null;
                for (WrittenBlock block : batch) {
                    if (block.segment() != forced) {
                        forced = block.segment();
                        forced.channel.force(false);
                    }
                }
            } catch (IOException e) {
                log.error("The engine's log could not be forced to disk; nothing more is committed", e);
                synchronized (this) {
                    flushFailure = e;
                }
                return;
            }
            synchronized (this) {
                batch.forEach(block -> block.segment().index(block.lowestPosition(), block.highestPosition(),
                        block.offset(), block.end()));
            }
            batch.forEach(block -> block.listener().onCommit(block.index(), block.highestPosition()));
            commitListeners.forEach(CommitListener::onCommit);
            batch.clear();
        }
    }

    private Segment activeSegment(long lowestPosition) throws IOException {
        Segment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last == null || last.length >= segmentSize) {
            last = Segment.create(directory.resolve(String.format("%020d", lowestPosition) + SUFFIX));
            segments.add(last);
        }
        return last;
    }

    /**
     * Deletes every segment whose records all lie below {@code position}, never the one being written. Returns
     * how many were deleted.
     */
    synchronized int compactBelow(long position) {
        int deleted = 0;
        while (segments.size() > 1 && segments.get(1).blocks > 0 && segments.get(1).lowest[0] <= position) {
            Segment segment = segments.remove(0);
            segment.delete();
            deleted++;
        }
        return deleted;
    }

    @Override
    public LogStorageReader newReader() {
        return new Reader();
    }

    @Override
    public void addCommitListener(CommitListener listener) {
        commitListeners.add(listener);
    }

    @Override
    public void removeCommitListener(CommitListener listener) {
        commitListeners.remove(listener);
    }

    /** Forces and commits what was written, then closes the segments. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            flusher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            segments.forEach(Segment::close);
        }
    }

    /** Reads committed blocks in order; a seek lands on the block that holds the position, or the first one. */
    private final class Reader implements LogStorageReader {

        private Segment segment;
        private int block;

        @Override
        public void seek(long position) {
            synchronized (FileLogStorage.this) {
                segment = null;
                block = 0;
                for (Segment candidate : segments) {
                    if (candidate.blocks == 0) {
                        continue;
                    }
                    if (segment == null || candidate.lowest[0] <= position) {
                        segment = candidate;
                        block = Math.max(0, candidate.blockHolding(position));
                    }
                }
            }
        }

        @Override
        public boolean hasNext() {
            synchronized (FileLogStorage.this) {
                if (segment == null) {
                    seek(Long.MIN_VALUE);
                    if (segment == null) {
                        return false;
                    }
                }
                if (block < segment.blocks) {
                    return true;
                }
                int next = segments.indexOf(segment) + 1;
                if (next > 0 && next < segments.size() && segments.get(next).blocks > 0) {
                    segment = segments.get(next);
                    block = 0;
                    return true;
                }
                return false;
            }
        }

        @Override
        public DirectBuffer next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            synchronized (FileLogStorage.this) {
                try {
                    return new UnsafeBuffer(segment.read(block++));
                } catch (IOException e) {
                    throw new UncheckedIOException("The engine's log could not be read", e);
                }
            }
        }

        @Override
        public void close() {
            segment = null;
        }
    }

    /**
     * One file of blocks, with its blocks' positions and offsets kept in memory for seeks. Blocks are read through a
     * channel of their own: an interrupt that reaches a thread inside a channel's read closes that channel for good,
     * and readers run on any thread (a dashboard request, a scheduled fold, a snapshot), while the channel written
     * through must stay open as long as the engine runs. A reader's channel closed that way is opened again.
     */
    private static final class Segment {

        private final Path file;
        private final FileChannel channel;
        private FileChannel reading;
        private long[] lowest = new long[1024];
        private long[] offsets = new long[1024];
        private int blocks;
        private long highest = -1;
        private long length;
        /** Where the last indexed block ends: blocks written after it are still being forced. */
        private long indexedEnd;

        private Segment(Path file, FileChannel channel) throws IOException {
            this.file = file;
            this.channel = channel;
            this.reading = FileChannel.open(file, StandardOpenOption.READ);
        }

        static Segment create(Path file) throws IOException {
            return new Segment(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
        }

        /** Reads the segment's frames; in the last segment a torn or corrupt tail is cut off. */
        static Segment open(Path file, boolean last) throws IOException {
            Segment segment = new Segment(file, FileChannel.open(file, StandardOpenOption.WRITE));
            long size = segment.channel.size();
            ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER);
            long offset = 0;
            while (offset < size) {
                header.clear();
                boolean whole = segment.reading.read(header, offset) == FRAME_HEADER;
                int length = header.getInt(0);
                // A block is never empty: zeros where a crash left the file longer than its data are a torn tail too.
                if (whole && length > 0 && offset + FRAME_HEADER + length <= size) {
                    ByteBuffer body = ByteBuffer.allocate(length);
                    segment.reading.read(body, offset + FRAME_HEADER);
                    CRC32C checksum = new CRC32C();
                    checksum.update(body.flip());
                    whole = (int) checksum.getValue() == header.getInt(20);
                } else {
                    whole = false;
                }
                if (!whole) {
                    if (!last) {
                        throw new IOException("The engine's log segment " + file + " is damaged at byte " + offset);
                    }
                    log.warn("Cutting off the engine log's torn tail in {} at byte {} ({} bytes): it was never "
                            + "reported written", file, offset, size - offset);
                    segment.channel.truncate(offset);
                    segment.channel.force(true);
                    break;
                }
                segment.index(header.getLong(4), header.getLong(12), offset, offset + FRAME_HEADER + length);
                offset += FRAME_HEADER + length;
            }
            segment.length = offset;
            return segment;
        }

        /** Writes the frame after the last one; it is read only once forced and indexed. Returns its offset. */
        long write(ByteBuffer frame) throws IOException {
            long offset = length;
            while (frame.hasRemaining()) {
                length += channel.write(frame, length);
            }
            return offset;
        }

        private void index(long lowestPosition, long highestPosition, long offset, long end) {
            if (blocks == lowest.length) {
                lowest = Arrays.copyOf(lowest, blocks * 2);
                offsets = Arrays.copyOf(offsets, blocks * 2);
            }
            lowest[blocks] = lowestPosition;
            offsets[blocks] = offset;
            blocks++;
            highest = highestPosition;
            indexedEnd = end;
        }

        /** The index of the last block starting at or before the position, -1 if the segment starts after it. */
        int blockHolding(long position) {
            int found = Arrays.binarySearch(lowest, 0, blocks, position);
            return found >= 0 ? found : -found - 2;
        }

        ByteBuffer read(int block) throws IOException {
            if (!reading.isOpen()) {
                reading = FileChannel.open(file, StandardOpenOption.READ);
            }
            long end = block + 1 < blocks ? offsets[block + 1] : indexedEnd;
            ByteBuffer body = ByteBuffer.allocate((int) (end - offsets[block] - FRAME_HEADER));
            long at = offsets[block] + FRAME_HEADER;
            while (body.hasRemaining()) {
                at += reading.read(body, at);
            }
            return body.flip();
        }

        void delete() {
            close();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete the compacted log segment {}", file, e);
            }
        }

        void close() {
            try {
                reading.close();
                channel.close();
            } catch (IOException e) {
                log.warn("Could not close the log segment {}", file, e);
            }
        }
    }
}

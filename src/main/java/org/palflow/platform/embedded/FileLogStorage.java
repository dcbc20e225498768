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
    private ByteBuffer frame = ByteBuffer.allocateDirect(64 * 1024);
    private long appendedBlocks;

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
                activeSegment(lowestPosition).append(frame, lowestPosition, highestPosition);
            } catch (IOException e) {
                throw new UncheckedIOException("The engine's log could not be written", e);
            }
            index = ++appendedBlocks;
        }
        listener.onWrite(index, highestPosition);
        listener.onCommit(index, highestPosition);
        commitListeners.forEach(CommitListener::onCommit);
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

    @Override
    public synchronized void close() {
        segments.forEach(Segment::close);
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

    /** One file of blocks, with its blocks' positions and offsets kept in memory for seeks. */
    private static final class Segment {

        private final Path file;
        private final FileChannel channel;
        private long[] lowest = new long[1024];
        private long[] offsets = new long[1024];
        private int blocks;
        private long highest = -1;
        private long length;

        private Segment(Path file, FileChannel channel) {
            this.file = file;
            this.channel = channel;
        }

        static Segment create(Path file) throws IOException {
            return new Segment(file, FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
        }

        /** Reads the segment's frames; in the last segment a torn or corrupt tail is cut off. */
        static Segment open(Path file, boolean last) throws IOException {
            Segment segment = new Segment(file, FileChannel.open(file, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
            long size = segment.channel.size();
            ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER);
            long offset = 0;
            while (offset < size) {
                header.clear();
                boolean whole = segment.channel.read(header, offset) == FRAME_HEADER;
                int length = header.getInt(0);
                if (whole && length >= 0 && offset + FRAME_HEADER + length <= size) {
                    ByteBuffer body = ByteBuffer.allocate(length);
                    segment.channel.read(body, offset + FRAME_HEADER);
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
                segment.index(header.getLong(4), header.getLong(12), offset);
                offset += FRAME_HEADER + length;
            }
            segment.length = offset;
            return segment;
        }

        void append(ByteBuffer frame, long lowestPosition, long highestPosition) throws IOException {
            long offset = length;
            while (frame.hasRemaining()) {
                length += channel.write(frame, length);
            }
            channel.force(false);
            index(lowestPosition, highestPosition, offset);
        }

        private void index(long lowestPosition, long highestPosition, long offset) {
            if (blocks == lowest.length) {
                lowest = Arrays.copyOf(lowest, blocks * 2);
                offsets = Arrays.copyOf(offsets, blocks * 2);
            }
            lowest[blocks] = lowestPosition;
            offsets[blocks] = offset;
            blocks++;
            highest = highestPosition;
        }

        /** The index of the last block starting at or before the position, -1 if the segment starts after it. */
        int blockHolding(long position) {
            int found = Arrays.binarySearch(lowest, 0, blocks, position);
            return found >= 0 ? found : -found - 2;
        }

        ByteBuffer read(int block) throws IOException {
            long end = block + 1 < blocks ? offsets[block + 1] : length;
            ByteBuffer body = ByteBuffer.allocate((int) (end - offsets[block] - FRAME_HEADER));
            long at = offsets[block] + FRAME_HEADER;
            while (body.hasRemaining()) {
                at += channel.read(body, at);
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
                channel.close();
            } catch (IOException e) {
                log.warn("Could not close the log segment {}", file, e);
            }
        }
    }
}

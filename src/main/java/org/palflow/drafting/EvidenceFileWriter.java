package org.palflow.drafting;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Writes one upload's buffers to its file in order, past the page cache where the file system allows it
 * ({@code O_DIRECT}). Through the page cache the kernel copies every byte into it and writes it out again on the
 * flush: writing 499 MB and flushing took this JVM 160-400 ms of CPU, the kernel's writeback besides, against
 * 50-100 ms written directly (a plain write loop on this machine's ext4 disk). UploadBenchmark, seven runs beside six
 * through the page cache: median 902 against 829 MB/s, 56% against 49% of a plain copy flushed to the disk.
 */
final class EvidenceFileWriter implements Closeable {

    /**
     * Aligned memory for direct writes, kept from one upload for the next: allocating it zeroes it, which would
     * cost a small file more than writing it.
     */
    private static final BlockingQueue<ByteBuffer> SPARE_ALIGNED = new ArrayBlockingQueue<>(8);
    private static final int WRITE_PIECE = 64 * 1024;

    private final FileChannel channel;
    private final int blockSize;
    private final int bufferSize;
    private ByteBuffer aligned;
    private long size;
    private boolean shortWritten;

    private EvidenceFileWriter(FileChannel channel, int blockSize, int bufferSize) {
        this.channel = channel;
        this.blockSize = blockSize;
        this.bufferSize = bufferSize;
    }

    /**
     * Opens the file for direct writes of whole buffers in blocks of {@code blockSize} (from {@link
     * #directBlockSize}) or, where that is 0 or the file system refuses direct writes, for writes through the page
     * cache.
     */
    static EvidenceFileWriter open(Path file, int bufferSize, int blockSize) throws IOException {
        if (blockSize > 0) {
            try {
                return new EvidenceFileWriter(
                        FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT), blockSize,
                        bufferSize);
            } catch (IOException | UnsupportedOperationException refused) {
                // tmpfs and some other file systems refuse O_DIRECT: the page cache it is
            }
        }
        return new EvidenceFileWriter(FileChannel.open(file, StandardOpenOption.WRITE), 0, bufferSize);
    }

    /** The block that direct writes to files in the folder must be made of, or 0 where buffers are not whole blocks. */
    static int directBlockSize(Path folder, int bufferSize) {
        try {
            long blockSize = Files.getFileStore(folder).getBlockSize();
            return blockSize > 0 && blockSize <= bufferSize && bufferSize % blockSize == 0 ? (int) blockSize : 0;
        } catch (IOException | UnsupportedOperationException unknown) {
            return 0;
        }
    }

    boolean direct() {
        return blockSize > 0;
    }

    /** The next {@code length} bytes of the file; only the last call may pass less than a whole buffer. */
    void write(byte[] buffer, int length) throws IOException {
        if (shortWritten) {
            throw new IllegalStateException("a short buffer was not the last");
        }
        shortWritten = length < bufferSize;
        size += length;
        if (direct()) {
            writeDirect(buffer, length);
        } else {
            writeThroughPageCache(buffer, length);
        }
    }

    /** A short last buffer is written padded to whole blocks, as direct writes must be; {@link #finish} cuts it. */
    private void writeDirect(byte[] buffer, int length) throws IOException {
        if (aligned == null) {
            aligned = borrowAligned();
        }
        int padded = (length + blockSize - 1) / blockSize * blockSize;
        aligned.clear();
        aligned.put(buffer, 0, length);
        aligned.put(new byte[padded - length]);
        aligned.flip();
        while (aligned.hasRemaining()) {
            channel.write(aligned);
        }
    }

    /**
     * In writes of 64 KB: for a write of a megabyte the kernel takes large page-cache folios, and on this virtual
     * machine filling fresh large folios was at times several times slower than small ones (UploadBenchmark, back to
     * back: 308 MB/s in 1 MB writes, 714 MB/s in 64 KB writes).
     */
    private void writeThroughPageCache(byte[] buffer, int length) throws IOException {
        for (int offset = 0; offset < length; offset += WRITE_PIECE) {
            ByteBuffer piece = ByteBuffer.wrap(buffer, offset, Math.min(WRITE_PIECE, length - offset));
            while (piece.hasRemaining()) {
                channel.write(piece);
            }
        }
    }

    /** Flushes what was written so far to the disk. */
    void flush() throws IOException {
        channel.force(false);
    }

    /**
     * Cuts the padding of a short last block and flushes the file to the disk. The row that names the file is
     * flushed when it commits (InnoDB's default), right after: the file must be there first, or a power cut after the
     * answer leaves a row whose file is gone.
     */
    void finish() throws IOException {
        if (direct()) {
            channel.truncate(size);
        }
        flush();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (aligned != null) {
                SPARE_ALIGNED.offer(aligned);
                aligned = null;
            }
        }
    }

    private ByteBuffer borrowAligned() {
        ByteBuffer spare = SPARE_ALIGNED.poll();
        while (spare != null && (spare.capacity() < bufferSize || spare.alignmentOffset(0, blockSize) != 0)) {
            spare = SPARE_ALIGNED.poll();
        }
        return spare != null ? spare : ByteBuffer.allocateDirect(bufferSize + blockSize).alignedSlice(blockSize);
    }
}

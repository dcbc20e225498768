package org.palflow.drafting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where evidence files live. The embedded default is a local folder; another store (object storage) implements
 * the same operations. {@link #put} streams: it never holds a file in memory, and it returns only once the
 * file is durable (on the disk, or acknowledged by the object store).
 */
public interface EvidenceStore {

    /** A stored file: its key, SHA-256 (hex) and size. */
    record Stored(String key, String sha256, long size) {
    }

    /** Thrown when the stream passes the limit; nothing of it is kept. */
    class TooLarge extends IOException {
        TooLarge(long limit) {
            super("larger than " + limit + " bytes");
        }
    }

    Stored put(InputStream content, long maxBytes) throws IOException;

    InputStream open(String key) throws IOException;

    /** A local copy to inspect (type detection, text extraction); for a local store, the file itself. */
    Path localPath(String key);

    void delete(String key) throws IOException;
}

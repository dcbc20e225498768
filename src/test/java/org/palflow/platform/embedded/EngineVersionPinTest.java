package org.palflow.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.junit.jupiter.api.Test;

/**
 * The durable embedded engine is wired into internals of one Zeebe Process Test version (package-private gateway
 * classes, the stream processor's start-up and snapshot seams). A new version must not slip in unnoticed: it fails
 * here until the crash suite and restart tests have been run against it and the constant moved.
 */
class EngineVersionPinTest {

    @Test
    void theEngineIsTheVersionTheDurableWiringWasVerifiedAgainst() {
        assertThat(EngineFactory.class.getPackage().getImplementationVersion())
                .as("Zeebe Process Test engine").isEqualTo(EmbeddedZeebeEngine.VERIFIED_ENGINE_VERSION);
        assertThat(versionOf(ZeebeDb.class)).as("zeebe-db (RocksDB state)")
                .isEqualTo(EmbeddedZeebeEngine.VERIFIED_ENGINE_VERSION);
        assertThat(versionOf(LogStream.class)).as("zeebe-logstreams")
                .isEqualTo(EmbeddedZeebeEngine.VERIFIED_ENGINE_VERSION);
    }

    /** From the jar's file name, as these jars carry no version in their manifest. */
    private static String versionOf(Class<?> type) {
        String jar = type.getProtectionDomain().getCodeSource().getLocation().getPath();
        return jar.replaceAll(".*-(\\d+\\.\\d+\\.\\d+)\\.jar$", "$1");
    }
}

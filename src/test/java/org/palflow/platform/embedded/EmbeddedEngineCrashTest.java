package org.palflow.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.palflow.support.LifecycleDriver;

/**
 * The app on its embedded default is killed with SIGKILL three times while candidates go through the whole
 * lifecycle, and started again on the same data folder each time. Every case ends where it should, and every
 * effect happened once: the engine's log and state on disk, and idempotent workers, make a crash cost time only.
 * The long version is {@code EngineCrashBenchmark}.
 */
class EmbeddedEngineCrashTest {

    @Test
    void killedThreeTimesMidLifecycleEveryCaseEndsWhereItShouldWithEachEffectOnce() throws Exception {
        int candidates = Integer.getInteger("pal.crash.candidates", 4);
        try (LifecycleDriver suite = new LifecycleDriver("crash", candidates, 3,
                LifecycleDriver.Arrival.REGISTRATION, 20261124L)) {
            LifecycleDriver.Figures figures = suite.run();
            System.out.printf("CRASH candidates=%d kills=%d total=%ds ready-after-kill=%s%n", figures.candidates(),
                    figures.kills(), figures.total().toSeconds(), figures.readyAfterKill());
            suite.assertEveryEffectOnce(figures);
            assertCompacted(suite.engineFolder());
            suite.assertTheEngineLoggedNoError();
        }
    }

    /** The log was cut below a snapshot while the app was being killed: replay started from a snapshot. */
    static void assertCompacted(Path engine) throws IOException {
        try (Stream<Path> segments = Files.list(engine.resolve("log"))) {
            assertThat(segments.map(path -> path.getFileName().toString()).sorted().findFirst().orElseThrow())
                    .as("the oldest log segment left").isNotEqualTo("00000000000000000001.log");
        }
        try (Stream<Path> snapshots = Files.list(engine.resolve("snapshots"))) {
            assertThat(snapshots.count()).as("snapshots kept").isEqualTo(1);
        }
    }
}

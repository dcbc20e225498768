package org.palflow.benchmark;

import org.junit.jupiter.api.Test;
import org.palflow.support.LifecycleDriver;

/**
 * Run with {@code ./pal test -Pbenchmark}: the crash suite at length, {@code pal.crash.candidates} candidates
 * (default 20) and {@code pal.crash.kills} kills (default 10), printing how long it took and how long the app took
 * to be ready after each kill. The suite brings its own scorers, one per 25 candidates.
 */
class EngineCrashBenchmark {

    @Test
    void theLifecycleUnderRepeatedKills() throws Exception {
        int candidates = Integer.getInteger("pal.crash.candidates", 20);
        int kills = Integer.getInteger("pal.crash.kills", 10);
        try (LifecycleDriver suite = new LifecycleDriver("crash-benchmark", candidates, kills,
                LifecycleDriver.Arrival.REGISTRATION, System.nanoTime())) {
            LifecycleDriver.Figures figures = suite.run();
            System.out.printf("BENCHMARK crash suite: %d candidates, %d kills, %d s in all, ready after each kill: %s%n",
                    figures.candidates(), figures.kills(), figures.total().toSeconds(), figures.readyAfterKill());
            suite.assertEveryEffectOnce(figures);
            suite.assertTheEngineLoggedNoError();
        }
    }
}

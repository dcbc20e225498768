package org.palflow.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Events reach the engine through a bounded pool of threads, not a new thread each. */
class HandOffThreadsTest extends PalFlowTest {

    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor applicationTaskExecutor;

    @Test
    void aRegistrationIsHandedToTheEngineByTheApplicationsTaskPool() {
        long before = applicationTaskExecutor.getThreadPoolExecutor().getCompletedTaskCount();

        registerAndAwaitDecision(newCandidate("Pooled Hand-off"));

        assertThat(applicationTaskExecutor.getThreadPoolExecutor().getCompletedTaskCount()).isGreaterThan(before);
        assertThat(applicationTaskExecutor.getThreadPoolExecutor().getLargestPoolSize())
                .isLessThanOrEqualTo(applicationTaskExecutor.getCorePoolSize()).isPositive();
    }
}

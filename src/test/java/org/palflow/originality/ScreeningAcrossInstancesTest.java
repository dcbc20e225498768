package org.palflow.originality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.palflow.scoring.ScoringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;

/**
 * Several app instances share one database, each with its own in-memory originality index. Two submissions that
 * share a passage, screened at the same moment by different instances, are still found as a pair: screenings take
 * turns across instances, and each catches up with what the other committed.
 */
class ScreeningAcrossInstancesTest extends ScoringTest {

    @Autowired
    OriginalityScreening thisInstance;

    @Autowired
    AutowireCapableBeanFactory beans;

    @Test
    void twoInstancesScreeningAtTheSameMomentFindTheCopiedPassage() throws Exception {
        OriginalityScreening otherInstance = beans.createBean(OriginalityScreening.class);
        String passage = prose(new Random(9_091), 60);
        long first = submit("kendall", 3, 9_101, passage);
        long second = submit("sky", 4, 9_102, passage);

        CountDownLatch together = new CountDownLatch(1);
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> onThis = instances.submit(() -> {
                together.await();
                return thisInstance.screen(first);
            });
            Future<Boolean> onOther = instances.submit(() -> {
                together.await();
                return otherInstance.screen(second);
            });
            together.countDown();
            assertThat(List.of(onThis.get(), onOther.get())).as("the later screening matches the earlier one")
                    .containsExactlyInAnyOrder(true, false);
        } finally {
            instances.shutdownNow();
        }
        assertThat(thisInstance.screen(second)).as("the first verdict stands, on any instance")
                .isEqualTo(otherInstance.screen(second));
    }
}

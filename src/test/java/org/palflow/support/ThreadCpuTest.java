package org.palflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The lifecycle benchmark's breakdown of a JVM's CPU by thread must put a thread's time in its group. */
class ThreadCpuTest {

    @Test
    void aThreadsCpuIsCountedInItsGroupWhileItLivesAndInTheTotalOnceItHasEnded() throws Exception {
        ThreadCpu.Reading before = ThreadCpu.read(ProcessHandle.current());
        CountDownLatch spun = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        // A group no other thread of this JVM is in: the app contexts of other tests extract text meanwhile.
        Thread client = Thread.ofPlatform().name("driver-client-0").start(() -> {
            spin(Duration.ofMillis(300));
            spun.countDown();
            awaitQuietly(read);
        });
        spun.await();
        Map<String, Duration> whileAlive = ThreadCpu.usedBetween(before, ThreadCpu.read(ProcessHandle.current()));
        read.countDown();
        client.join();
        Duration clientWhileAlive = whileAlive.get("driver's clients");
        // The kernel may list a thread a moment after Java's join returns (seen once on a loaded machine): read again
        // until it is gone, for at most five seconds.
        Map<String, Duration> afterItEnded = ThreadCpu.usedBetween(before, ThreadCpu.read(ProcessHandle.current()));
        for (int reading = 0; reading < 100 && afterItEnded.getOrDefault("driver's clients", Duration.ZERO)
                .compareTo(clientWhileAlive.minusMillis(200)) >= 0; reading++) {
            Thread.sleep(50);
            afterItEnded = ThreadCpu.usedBetween(before, ThreadCpu.read(ProcessHandle.current()));
        }

        // Other threads of this JVM may run meanwhile (into the total): compare what moved between the readings.
        assertThat(clientWhileAlive).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(afterItEnded.getOrDefault("driver's clients", Duration.ZERO))
                .isLessThan(clientWhileAlive.minusMillis(200));
        assertThat(afterItEnded.get(ThreadCpu.ENDED).minus(whileAlive.get(ThreadCpu.ENDED)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void threadsAreKnownByTheNamesTheKernelKeeps() {
        assertThat(ThreadCpu.groupOf("C2 CompilerThre")).isEqualTo("JIT compilers");
        assertThat(ThreadCpu.groupOf("zb-actors-0")).isEqualTo("engine");
        assertThat(ThreadCpu.groupOf("evidence-extrac")).isEqualTo("text extraction");
        assertThat(ThreadCpu.groupOf("main")).isEqualTo(ThreadCpu.ENDED);
    }

    /** Spins until the thread has had this much CPU: on a busy machine 300 ms of wall time may give it far less. */
    private static void spin(Duration cpu) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long until = threads.getCurrentThreadCpuTime() + cpu.toNanos();
        while (threads.getCurrentThreadCpuTime() < until) {
            Thread.onSpinWait();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

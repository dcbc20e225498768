package org.palflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.palflow.PalFlowApplication;
import org.palflow.platform.mail.Notifier;
import org.palflow.support.TestDataDirs;
import org.palflow.support.TestMail;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run with {@code ./pal test -Pbenchmark}. A report date's burst of mail: notifications recorded by four threads at
 * once, as the job workers record them, delivered to a real SMTP server (GreenMail, in this JVM). Prints how long
 * the last one took to arrive, messages a second, and the CPU the delivery threads spent a message.
 */
class MailDeliveryBenchmark {

    private static final int MESSAGES = 2_000;
    private static final int RECORDING_THREADS = 4;

    @Test
    void aBurstOfNotificationsDeliveredBySmtp() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PalFlowApplication.class)
                .run("--server.port=0", "--pal.zeebe.embedded.port=0",
                        "--pal.data-dir=" + TestDataDirs.fresh("mail-benchmark"), "--logging.level.root=WARN",
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMail.port())) {
            Notifier notifier = app.getBean(Notifier.class);
            String run = UUID.randomUUID().toString();
            String recipient = "mail-benchmark-" + run.substring(0, 8) + "@palflow.example";
            long cpuBefore = deliveryThreadsCpuNanos();

            long started = System.nanoTime();
            ExecutorService recorders = Executors.newFixedThreadPool(RECORDING_THREADS);
            for (int i = 0; i < MESSAGES; i++) {
                int message = i;
                recorders.execute(() -> notifier.send("mail-benchmark:" + run + ":" + message, recipient,
                        "Score report " + message, "Your score report for task " + (message % 4 + 1) + " is ready."));
            }
            recorders.shutdown();
            assertThat(recorders.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
            long recorded = System.nanoTime() - started;
            TestMail.awaitCount(recipient, MESSAGES, Duration.ofMinutes(10));
            long delivered = System.nanoTime() - started;
            long cpu = deliveryThreadsCpuNanos() - cpuBefore;

            System.out.printf("%nBENCHMARK mail: %d notifications recorded by %d threads in %.1f s; the last one "
                    + "delivered after %.1f s (%.0f messages/s); delivery threads' CPU %.2f ms a message%n%n",
                    MESSAGES, RECORDING_THREADS, recorded / 1e9, delivered / 1e9, MESSAGES / (delivered / 1e9),
                    cpu / 1e6 / MESSAGES);
        }
    }

    private static long deliveryThreadsCpuNanos() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("mail-delivery-"))
                .mapToLong(t -> threads.getThreadCpuTime(t.threadId())).filter(nanos -> nanos > 0).sum();
    }
}

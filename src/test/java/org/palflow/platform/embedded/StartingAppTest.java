package org.palflow.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.palflow.support.ChildApp;
import org.palflow.support.FreePorts;
import org.palflow.support.TestDataDirs;

/**
 * The app as an operator starts and stops it, in a JVM of its own: a stop that comes while it is still starting, and
 * a start that fails, each end the process and leave no server of its own running.
 */
class StartingAppTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /**
     * Seen before the fix, two times in two: a stop signal just after the database server started ended the JVM
     * without closing the app, and the server ran on, holding the data folder.
     */
    @Test
    void aStopWhileTheAppIsStartingStopsItsDatabaseServerToo() throws Exception {
        Path dataDir = TestDataDirs.fresh("stop-while-starting");
        Path log = dataDir.resolve("app.log");
        Process app = start(dataDir, log, FreePorts.any());

        awaitLog(app, log, "Embedded MariaDB on");
        long server = serverPid(dataDir).orElseThrow(() -> new AssertionError("No MariaDB pid file in " + dataDir));
        app.destroy();

        assertThat(app.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the app ended; see " + log).isTrue();
        assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).as("the MariaDB server, pid " + server)
                .isEmpty();
        assertThat(serverPid(dataDir)).as("a pid file under " + dataDir).isEmpty();
    }

    /** A start that fails (here the engine's port is taken) must end the process, so that a supervisor sees it. */
    @Test
    void aStartThatFailsEndsTheProcessAndStopsItsDatabaseServer() throws Exception {
        Path dataDir = TestDataDirs.fresh("start-that-fails");
        Path log = dataDir.resolve("app.log");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process app = start(dataDir, log, taken.getLocalPort());

            assertThat(app.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the app ended; see " + log).isTrue();
            assertThat(app.exitValue()).isEqualTo(1);
            assertThat(Files.readString(log)).contains("The embedded engine's gateway could not listen on port "
                    + taken.getLocalPort());
            assertThat(serverPid(dataDir)).as("a pid file under " + dataDir).isEmpty();
        }
    }

    private static Process start(Path dataDir, Path log, int enginePort) throws IOException {
        Files.createDirectories(dataDir);
        List<String> command = ChildApp.command(List.of("-Xmx512m", "-XX:+UseSerialGC"), List.of(
                "--server.port=" + FreePorts.any(), "--pal.data-dir=" + dataDir,
                "--pal.zeebe.embedded.port=" + enginePort, "--pal.test.clock-file=" + dataDir.resolve("clock-offset"),
                "--logging.level.root=WARN", "--logging.level.org.palflow.platform.embedded=INFO"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitLog(Process app, Path log, String line) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!Files.readString(log).contains(line)) {
            if (!app.isAlive() || Instant.now().isAfter(deadline)) {
                app.destroyForcibly();
                throw new AssertionError("The app never logged \"" + line + "\"; see " + log);
            }
            Thread.sleep(20);
        }
    }

    /** A running server keeps its pid in a file in its data folder, and removes the file when it stops. */
    private static Optional<Long> serverPid(Path dataDir) throws IOException {
        Path serverFiles = dataDir.resolve("mariadb").resolve("data");
        if (!Files.isDirectory(serverFiles)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(serverFiles)) {
            Optional<Path> pidFile = files.filter(file -> file.getFileName().toString().endsWith(".pid")).findFirst();
            return pidFile.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(Files.readString(pidFile.get())
                    .trim()));
        }
    }
}

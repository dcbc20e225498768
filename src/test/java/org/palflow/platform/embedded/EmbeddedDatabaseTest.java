package org.palflow.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.palflow.support.FreePorts;
import org.palflow.support.TestDataDirs;

class EmbeddedDatabaseTest {

    /**
     * Without TLS the server starts in a tenth of the time: it no longer makes an RSA key at each start. Statement
     * statistics are off unless asked for.
     */
    @Test
    void startsWithoutTlsAndWithTheAppsDatabase() throws Exception {
        onAFreshServer(false, statement -> {
            try (ResultSet answer = statement.executeQuery("SELECT @@have_ssl, DATABASE(), @@performance_schema")) {
                assertThat(answer.next()).isTrue();
                assertThat(answer.getString(1)).isEqualTo("DISABLED");
                assertThat(answer.getString(2)).isEqualTo(EmbeddedDefaults.DATABASE_NAME);
                assertThat(answer.getBoolean(3)).isFalse();
            }
        });
    }

    /** Asked for, the statistics count each statement's runs under its digest (the lifecycle benchmark prints them). */
    @Test
    void keepsStatementStatisticsWhenAskedTo() throws Exception {
        onAFreshServer(true, statement -> {
            for (int run = 0; run < 3; run++) {
                statement.executeQuery("SELECT 41 + 1 AS answer_to_count").close();
            }
            try (ResultSet counted = statement.executeQuery("SELECT COUNT_STAR FROM performance_schema."
                    + "events_statements_summary_by_digest WHERE DIGEST_TEXT LIKE '%answer_to_count%'")) {
                assertThat(counted.next()).isTrue();
                assertThat(counted.getLong(1)).isEqualTo(3);
            }
        });
    }

    /**
     * MariaDB's installer deletes the temporary tables it finds in the system's temp folder, another installer's too,
     * so an install waits while another process on the machine installs (here: holds the install lock).
     */
    @Test
    void installsOnlyWhileNoOtherProcessOnTheMachineInstalls() throws Exception {
        Path dataDir = TestDataDirs.fresh("install-alone");
        Process otherInstall = holdLock(EmbeddedDatabase.installLock(), dataDir);
        ExecutorService starting = Executors.newSingleThreadExecutor();
        try {
            Future<EmbeddedDatabase> started = starting.submit(() -> new EmbeddedDatabase(dataDir, FreePorts.any(),
                    false));
            Path systemTables = dataDir.resolve("mariadb/data/mysql");
            Thread.sleep(5_000);
            boolean installedMeanwhile = Files.exists(systemTables);

            otherInstall.getOutputStream().close();
            try (EmbeddedDatabase database = started.get(2, TimeUnit.MINUTES)) {
                assertThat(installedMeanwhile).as("system tables installed while another process installed").isFalse();
                assertThat(systemTables).isDirectory();
            }
        } finally {
            otherInstall.destroyForcibly();
            starting.shutdownNow();
        }
    }

    /** A process that holds a lock on the file until its input is closed, started once it holds it. */
    private static Process holdLock(Path lockFile, Path workDir) throws Exception {
        Files.createDirectories(workDir);
        Path program = Files.writeString(workDir.resolve("HoldLock.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;

                class HoldLock {
                    public static void main(String[] args) throws Exception {
                        try (FileChannel file = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE); var held = file.lock()) {
                            System.out.println("locked");
                            System.in.read();
                        }
                    }
                }
                """);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                program.toString(), lockFile.toString()).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        assertThat(output.readLine()).isEqualTo("locked");
        return process;
    }

    private interface Queries {
        void ask(Statement statement) throws SQLException;
    }

    /** The app's way in: over JDBC, as root, to its database. */
    private static void onAFreshServer(boolean statementStatistics, Queries queries) throws Exception {
        int port = FreePorts.any();
        try (EmbeddedDatabase database = new EmbeddedDatabase(TestDataDirs.fresh("embedded-database"), port,
                statementStatistics);
                Connection connection = DriverManager.getConnection(
                        EmbeddedDefaults.jdbcUrl(port, EmbeddedDefaults.DATABASE_NAME), "root", "");
                Statement statement = connection.createStatement()) {
            queries.ask(statement);
        }
    }
}

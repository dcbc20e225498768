package org.palflow.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

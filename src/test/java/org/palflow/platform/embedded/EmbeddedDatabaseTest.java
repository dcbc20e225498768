package org.palflow.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.palflow.support.FreePorts;
import org.palflow.support.TestDataDirs;

class EmbeddedDatabaseTest {

    /** Without TLS the server starts in a tenth of the time: it no longer makes an RSA key at each start. */
    @Test
    void startsWithoutTlsAndWithTheAppsDatabase() throws Exception {
        int port = FreePorts.any();
        try (EmbeddedDatabase database = new EmbeddedDatabase(TestDataDirs.fresh("embedded-database"), port);
                Connection connection = DriverManager.getConnection(
                        EmbeddedDefaults.jdbcUrl(port, EmbeddedDefaults.DATABASE_NAME), "root", "");
                Statement statement = connection.createStatement();
                ResultSet answer = statement.executeQuery("SELECT @@have_ssl, DATABASE()")) {
            assertThat(answer.next()).isTrue();
            assertThat(answer.getString(1)).isEqualTo("DISABLED");
            assertThat(answer.getString(2)).isEqualTo(EmbeddedDefaults.DATABASE_NAME);
        }
    }
}

package org.palflow.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, whether the app runs on its embedded default or on real services.
 *
 * <p>Configuring the usual addresses ({@code camunda.client.grpc-address} or {@code camunda.client.mode},
 * {@code spring.datasource.url}) switches a part to the real service; otherwise the app starts its own
 * Zeebe engine and MariaDB server and points its clients at them. Ports are fixed here so that the
 * client configuration is complete before the Camunda client and the data source are built.
 */
public class EmbeddedDefaults implements EnvironmentPostProcessor {

    static final String ZEEBE_EMBEDDED = "pal.zeebe.embedded";
    static final String ZEEBE_PORT = "pal.zeebe.embedded.port";
    static final String DATABASE_EMBEDDED = "pal.database.embedded";
    static final String DATABASE_PORT = "pal.database.embedded.port";
    /** Turns on MariaDB's statement statistics ({@code performance_schema}), for profiling: they cost CPU. */
    public static final String DATABASE_STATEMENT_STATISTICS = "pal.database.embedded.statement-statistics";
    public static final String DATABASE_NAME = "palflow";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        Map<String, Object> defaults = new HashMap<>();

        boolean externalZeebe = binder.bind("camunda.client.grpc-address", String.class).isBound()
                || binder.bind("camunda.client.mode", String.class).isBound();
        defaults.put(ZEEBE_EMBEDDED, !externalZeebe);
        if (!externalZeebe) {
            int port = portOrFree(binder.bind(ZEEBE_PORT, Integer.class).orElse(26500));
            defaults.put(ZEEBE_PORT, port);
            defaults.put("camunda.client.grpc-address", "http://127.0.0.1:" + port);
            // The in-process engine speaks gRPC only.
            defaults.put("camunda.client.prefer-rest-over-grpc", false);
        }

        boolean externalDatabase = binder.bind("spring.datasource.url", String.class).isBound();
        defaults.put(DATABASE_EMBEDDED, !externalDatabase);
        if (!externalDatabase) {
            int port = portOrFree(binder.bind(DATABASE_PORT, Integer.class).orElse(0));
            defaults.put(DATABASE_PORT, port);
            defaults.put("spring.datasource.url", jdbcUrl(port, DATABASE_NAME));
            defaults.put("spring.datasource.username", "root");
            defaults.put("spring.datasource.password", "");
            // Connector/J reads SQL keywords with a query MariaDB cannot answer, which leaves Hibernate unable
            // to detect the dialect; the app targets MySQL, so name it.
            defaults.put("spring.jpa.database-platform", "org.hibernate.dialect.MySQLDialect");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("pal-embedded-defaults", defaults));
    }

    /** The embedded server's address; an empty {@code database} connects to none (to create one). */
    public static String jdbcUrl(int port, String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC";
    }

    private static int portOrFree(int configured) {
        if (configured != 0) {
            return configured;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port for an embedded service", e);
        }
    }
}

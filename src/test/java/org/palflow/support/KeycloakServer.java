package org.palflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.springframework.util.FileSystemUtils;

/**
 * A real Keycloak, the server distribution from Maven Central that the build unpacks under target/, in dev mode on
 * a free loopback port with the committed realm file imported afresh.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Process process;
    private final int port;

    private KeycloakServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static KeycloakServer start() {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/missing"));
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak at " + home + ": the build unpacks "
                    + "org.keycloak:keycloak-quarkus-dist there (mvn process-test-classes)");
        }
        try {
            // Dev mode keeps the realm in its own database and imports only into an empty one.
            FileSystemUtils.deleteRecursively(home.resolve("data"));
            Files.createDirectories(home.resolve("data/import"));
            Files.copy(Path.of("keycloak/pal-realm.json"), home.resolve("data/import/pal-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--import-realm", "--http-host=127.0.0.1", "--http-port=" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of("target", "keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            KeycloakServer server = new KeycloakServer(builder.start(), port);
            server.awaitRealm();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The realm's issuer as the browser and the app both reach it: the same host name, or tokens do not match. */
    public String issuer() {
        return "http://localhost:" + port + "/realms/pal";
    }

    private void awaitRealm() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped while starting; see target/keycloak.log");
            }
            try {
                HttpResponse<Void> realm = http.send(HttpRequest.newBuilder(URI.create(issuer()
                        + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.discarding());
                if (realm.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("Keycloak did not serve the realm within " + START_TIMEOUT
                + "; see target/keycloak.log");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}

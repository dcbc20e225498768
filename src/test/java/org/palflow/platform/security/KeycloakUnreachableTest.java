package org.palflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.palflow.support.FreePorts;
import org.palflow.support.Api;
import org.palflow.support.PalFlowTest;
import org.palflow.support.TestDataDirs;
import org.palflow.support.TestMail;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Keycloak down when the app starts: a valid token gets a 503 problem, not a 500, and once Keycloak answers (its
 * discovery document and keys served on the issuer's address) the same token works, without a restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PalFlowTest.FREE_ENGINE_PORT)
class KeycloakUnreachableTest {

    private static final RSAKey REALM_KEY = KeycloakTokenApiTest.rsaKey("pal-realm-key");
    private static final int KEYCLOAK_PORT = FreePorts.any();
    private static final String ISSUER = "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/pal";
    private static HttpServer keycloak;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add(SecurityConfiguration.ISSUER, () -> ISSUER);
        registry.add("pal.data-dir", () -> TestDataDirs.fresh("keycloak-unreachable").toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.stop(0);
        }
    }

    @Test
    void aValidTokenGetsA503WhileKeycloakIsDownAndWorksOnceItIsBack() throws IOException {
        Api coordinator = Api.bearer(port, KeycloakTokenApiTest.token(REALM_KEY, ISSUER, "casey",
                "casey.coordinator@palflow.example", "coordinator"));
        ResponseEntity<JsonNode> down = coordinator.get("/api/programs");
        assertThat(down.getStatusCode()).as(String.valueOf(down.getBody())).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(down.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
        assertThat(down.getBody().get("title").asText()).isEqualTo("Sign-in service unavailable");

        keycloak = serveRealm();
        assertThat(coordinator.get("/api/programs").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private static HttpServer serveRealm() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), KEYCLOAK_PORT), 0);
        answer(server, "/realms/pal/.well-known/openid-configuration", "{\"issuer\":\"" + ISSUER + "\",\"jwks_uri\":\""
                + ISSUER + "/protocol/openid-connect/certs\",\"subject_types_supported\":[\"public\"]}");
        answer(server, "/realms/pal/protocol/openid-connect/certs", new JWKSet(REALM_KEY.toPublicJWK()).toString());
        server.start();
        return server;
    }

    private static void answer(HttpServer server, String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }
}

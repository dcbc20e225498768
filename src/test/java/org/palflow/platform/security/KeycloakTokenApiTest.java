package org.palflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.palflow.support.Api;
import org.palflow.support.PalFlowTest;
import org.palflow.support.TestDataDirs;
import org.palflow.support.TestMail;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a Keycloak key set configured the API takes bearer tokens shaped as Keycloak issues them (realm roles under
 * realm_access.roles, the owner's e-mail in the email claim), signed with a real RSA key and checked against the
 * key set served over HTTP on loopback, and no longer accepts realm-file passwords.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = PalFlowTest.FREE_ENGINE_PORT)
class KeycloakTokenApiTest {

    private static final RSAKey REALM_KEY = rsaKey("pal-realm-key");
    private static final HttpServer KEY_SET = serve(new JWKSet(REALM_KEY.toPublicJWK()));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + KEY_SET.getAddress().getPort() + "/realms/pal/protocol/openid-connect/certs");
        registry.add("pal.data-dir", () -> TestDataDirs.fresh("keycloak").toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
    }

    @AfterAll
    static void stopKeySet() {
        KEY_SET.stop(0);
    }

    @Test
    void aCandidateWithAKeycloakTokenRegistersAndReadsTheirOwnCase() {
        Api candidate = Api.bearer(port, token(REALM_KEY, "quinn", "quinn.token@test.example", "candidate"));
        ResponseEntity<JsonNode> registered = candidate.post("/api/registrations", Map.of("fullName", "Quinn Token",
                "email", "quinn.token@test.example", "programCode", "BAYSTATE-LEAD", "cohortCode", "2026-FALL",
                "district", "Springfield Public Schools", "school", "Lincoln Elementary School",
                "handbookVersion", "2025-26", "policiesConfirmed", true));

        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(registered.getBody().get("registeredBy").asText()).isEqualTo("quinn");
        long id = registered.getBody().get("id").asLong();
        assertThat(candidate.get("/api/candidates/" + id + "/progress").getStatusCode()).isEqualTo(HttpStatus.OK);
        Api otherCandidate = Api.bearer(port, token(REALM_KEY, "rowan", "rowan.token@test.example", "candidate"));
        assertThat(otherCandidate.get("/api/candidates/" + id + "/progress").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void realmRolesDecideWhatATokenMayDo() {
        Api mentor = Api.bearer(port, token(REALM_KEY, "morgan", "morgan.mentor@palflow.example", "mentor"));
        assertThat(mentor.get("/api/mentor/proposals").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(mentor.get("/api/mentor-assignments").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void forgedTokensAndRealmFilePasswordsAreRefused() {
        RSAKey forger = rsaKey("pal-realm-key");
        ResponseEntity<JsonNode> forged = Api.bearer(port, token(forger, "casey", "casey.coordinator@palflow.example",
                "coordinator")).get("/api/mentor-assignments");
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<JsonNode> password = Api.as(port, "casey").get("/api/mentor-assignments");
        assertThat(password.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(password.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    private static String token(RSAKey key, String username, String email, String role) {
        return token(key, "http://localhost:8081/realms/pal", username, email, role);
    }

    static String token(RSAKey key, String issuer, String username, String email, String role) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(username + "-id")
                .claim("preferred_username", username)
                .claim("email", email)
                .claim("realm_access", Map.of("roles", List.of(role, "default-roles-pal")))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer serve(JWKSet keySet) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            byte[] body = keySet.toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/realms/pal/protocol/openid-connect/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

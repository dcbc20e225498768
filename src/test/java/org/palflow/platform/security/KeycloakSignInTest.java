package org.palflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.palflow.support.Api;
import org.palflow.support.Browser;
import org.palflow.support.KeycloakServer;
import org.palflow.support.PalFlowTest;
import org.palflow.support.TestDataDirs;
import org.palflow.support.TestMail;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a real Keycloak (the committed realm file imported as it is), "Sign in" goes to Keycloak's own login page
 * (authorization code with PKCE for the public client pal-web), realm roles decide each person's home, and signing
 * out ends the Keycloak session too. The app listens on 8080 because the realm allows pal-web back only there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {PalFlowTest.FREE_ENGINE_PORT, "server.port=8080"})
class KeycloakSignInTest {

    private static KeycloakServer keycloak;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        keycloak = KeycloakServer.start();
        registry.add(SecurityConfiguration.ISSUER, keycloak::issuer);
        registry.add("pal.data-dir", () -> TestDataDirs.fresh("keycloak-sign-in").toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
    }

    @AfterAll
    static void stopKeycloak() {
        keycloak.close();
    }

    @Test
    void aCandidateAndAMentorSignInThroughKeycloakAndOutOfBoth() {
        try (Browser browser = Browser.open(8080, 1280)) {
            browser.visit("/candidate");
            assertThat(browser.path()).isEqualTo("/sign-in");
            browser.assertAccessible().screenshot("30-sign-in-keycloak");

            browser.click("#keycloak-sign-in");
            assertThat(browser.url()).as("Keycloak's own login page")
                    .startsWith(keycloak.issuer() + "/protocol/openid-connect/auth")
                    .contains("client_id=pal-web", "code_challenge_method=S256");
            browser.screenshot("31-keycloak-login");
            signInAtKeycloak(browser, "avery");
            assertThat(browser.path()).as("a candidate without a registration lands on the form")
                    .isEqualTo("/candidate/register");
            assertThat(browser.text("header")).contains("avery (Candidate)");
            browser.assertAccessible();

            browser.submit("form[action='/sign-out'] button");
            assertThat(browser.path()).isEqualTo("/sign-in?signed-out");
            assertThat(browser.text("[role=status]")).contains("You are signed out");
            browser.click("#keycloak-sign-in");
            assertThat(browser.all("#username")).as("Keycloak asks again: its session ended too").isNotEmpty();

            signInAtKeycloak(browser, "morgan");
            assertThat(browser.path()).as("a mentor lands on their inbox").isEqualTo("/mentor");
            assertThat(browser.text("header")).contains("morgan (Mentor)");
            browser.assertAccessible().screenshot("32-mentor-signed-in-through-keycloak");
            browser.submit("form[action='/sign-out'] button");
            assertThat(browser.path()).isEqualTo("/sign-in?signed-out");
            browser.visit("/mentor");
            assertThat(browser.path()).isEqualTo("/sign-in");
        }
    }

    /**
     * A script's token from the pal-api client (password grant) carries the subject (the realm's basic scope), works
     * on the API as a bearer token, and Keycloak's brute-force detection (on in the realm file) refuses the right
     * password after five wrong ones.
     */
    @Test
    void aTokenFromThePalApiClientCarriesItsSubjectAndWrongPasswordsLockTheUserOut() throws Exception {
        JsonNode token = passwordGrant("sam", "sam-pal");
        String accessToken = token.path("access_token").asText();
        JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]));
        assertThat(claims.path("sub").asText()).as(claims.toString()).isNotBlank();
        assertThat(claims.path("preferred_username").asText()).isEqualTo("sam");
        assertThat(Api.bearer(8080, accessToken).get("/api/programs").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Api.as(8080, "sam").get("/api/programs").getStatusCode()).as("Basic is off with Keycloak")
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(Api.anonymous(8080).get("/v3/api-docs").getBody().at("/components/securitySchemes/bearer/scheme")
                .asText()).isEqualTo("bearer");

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(passwordGrant("jamie", "guess-" + attempt).path("error").asText()).isEqualTo("invalid_grant");
        }
        JsonNode locked = passwordGrant("jamie", "jamie-pal");
        assertThat(locked.path("access_token").isMissingNode()).as("refused while locked: " + locked).isTrue();
    }

    private static JsonNode passwordGrant(String username, String password) throws Exception {
        String form = "grant_type=password&client_id=pal-api&client_secret=pal-api-secret-change-me&username="
                + username + "&password=" + password;
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloak.issuer()
                    + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body());
        }
    }

    private static void signInAtKeycloak(Browser browser, String username) {
        browser.type("#username", username).type("#password", username + "-pal").submit("#kc-login");
    }
}

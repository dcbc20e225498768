package org.palflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.palflow.support.PalFlowTest;

/**
 * Brute-force protection on the embedded default, with the realm file's settings (5 failures, then 60 s more per
 * further failure): the sixth try is refused even with the right password, with a 429 problem and Retry-After,
 * until the wait is over. (A plain JDK client: Apache's would wait out the Retry-After and try again by itself.)
 */
class SignInLockoutTest extends PalFlowTest {

    @Test
    void fiveWrongPasswordsLockTheUserOutForAGrowingWhile() throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(programsAs("jordan", "not-jordans").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> locked = programsAs("jordan", "jordan-pal");
        assertThat(locked.statusCode()).as("the right password, while locked").isEqualTo(429);
        assertThat(locked.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(locked.body()).contains("try again in 60 seconds");
        assertThat(locked.headers().firstValue("Retry-After")).contains("60");
        assertThat(programsAs("morgan", "morgan-pal").statusCode()).as("other users go on").isEqualTo(200);

        advanceTime(Duration.ofSeconds(61));
        assertThat(programsAs("jordan", "not-jordans").statusCode()).as("one more failure").isEqualTo(401);
        assertThat(programsAs("jordan", "jordan-pal").headers().firstValue("Retry-After")).as("a longer wait")
                .contains("120");

        advanceTime(Duration.ofSeconds(121));
        assertThat(programsAs("jordan", "jordan-pal").statusCode()).isEqualTo(200);
        assertThat(programsAs("jordan", "not-jordans").statusCode()).as("the count starts again after a sign-in")
                .isEqualTo(401);
        assertThat(programsAs("jordan", "jordan-pal").statusCode()).isEqualTo(200);

        for (int attempt = 1; attempt <= 4; attempt++) {
            programsAs("jordan", "not-jordans");
        }
        advanceTime(Duration.ofHours(12).plusSeconds(1));
        assertThat(programsAs("jordan", "not-jordans").statusCode()).isEqualTo(401);
        assertThat(programsAs("jordan", "jordan-pal").statusCode())
                .as("failures 12 hours apart do not add up (the realm's maxDeltaTimeSeconds)").isEqualTo(200);
    }

    private HttpResponse<String> programsAs(String username, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/programs"))
                    .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}

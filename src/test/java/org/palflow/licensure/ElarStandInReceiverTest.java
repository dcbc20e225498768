package org.palflow.licensure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.palflow.support.PalFlowTest;
import org.palflow.support.TestElar;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded stand-in for ELAR takes only what the sender sends: its secret, a small JSON object, a valid key. */
class ElarStandInReceiverTest extends PalFlowTest {

    private static final String PAYLOAD = "{\"mepid\":\"00000001\",\"outcome\":\"PASS\"}";
    private static final String SECRET = "Bearer " + TestElar.SECRET;

    @Autowired
    ElarReceiptRepository receipts;

    @Test
    void aHandOffWithTheSecretIsRecordedOncePerKey() throws Exception {
        HttpResponse<String> first = post(SECRET, "application/json", "stand-in-once", PAYLOAD);
        HttpResponse<String> again = post(SECRET, "application/json", "stand-in-once", PAYLOAD);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("\"duplicate\":true");
        assertThat(receipts.findById("stand-in-once")).isPresent();
    }

    @Test
    void aHandOffWithoutTheSecretOrWithABadBodyOrKeyIsAProblemAndNothingIsStored() throws Exception {
        assertProblem(post(null, "application/json", "stand-in-anonymous", PAYLOAD), 401);
        assertProblem(post("Bearer guessed", "application/json", "stand-in-guessed", PAYLOAD), 401);
        assertProblem(post(SECRET, "application/json", "k".repeat(81), PAYLOAD), 400);
        assertProblem(post(SECRET, "text/plain", "stand-in-text", PAYLOAD), 415);
        assertProblem(post(SECRET, "application/json", "stand-in-array", "[1,2]"), 400);
        assertProblem(post(SECRET, "application/json", "stand-in-broken", "{\"mepid\":"), 400);
        assertProblem(post(SECRET, "application/json", "stand-in-large",
                "{\"text\":\"" + "x".repeat(1024 * 1024) + "\"}"), 413);
        assertThat(receipts.findAllById(java.util.List.of("stand-in-anonymous", "stand-in-guessed", "stand-in-text",
                "stand-in-array", "stand-in-broken", "stand-in-large"))).isEmpty();
    }

    private HttpResponse<String> post(String authorization, String contentType, String key, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/elar-receiver/handoffs")).header("Content-Type", contentType).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
    }
}

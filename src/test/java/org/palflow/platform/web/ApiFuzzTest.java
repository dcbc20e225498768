package org.palflow.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.palflow.support.Api;
import org.palflow.support.PalFlowTest;

/**
 * Walks every operation of the OpenAPI document as an admin and as a coordinator, with bad path values, bad query
 * values and bad bodies (not JSON, the wrong JSON type, each field of the wrong type, oversized or out of range),
 * and expects a 4xx problem every time: never a 500, and never a change made from bad input. Every body sent is
 * invalid by construction (a field is wrong and the others are left out).
 */
class ApiFuzzTest extends PalFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> BAD_IDS = List.of("0", "-1", "99999999999999999999", "abc", "1.5", "%00");
    private static final List<String> BAD_QUERY_VALUES = List.of("", "-1", "99999999999999999999", "abc", "2.5",
            "x".repeat(5000), "%25", "%00", "NOPE");
    private static final List<String> BAD_DOCUMENTS = List.of("", "{", "[]", "\"text\"", "42", "null",
            "{\"a\":" + "[".repeat(2000) + "}", "{\"bad\u0000key\":1}");

    @Test
    void everyOperationAnswersBadInputWithAProblemNeverA500() throws Exception {
        JsonNode document = Api.anonymous(port).get("/v3/api-docs").getBody();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        try (HttpClient http = HttpClient.newHttpClient()) {
            for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext();) {
                    Map.Entry<String, JsonNode> operation = operations.next();
                    String method = operation.getKey().toUpperCase();
                    for (Request request : requests(document, path.getKey(), method, operation.getValue())) {
                        for (String user : List.of("alex", "casey")) {
                            HttpResponse<String> response = http.send(request.build(port, user),
                                    HttpResponse.BodyHandlers.ofString());
                            sent++;
                            String problem = verdict(request.method(), response);
                            if (problem != null) {
                                failures.add(method + " " + request.target() + " as " + user + " with "
                                        + abbreviated(request.body()) + ": " + problem);
                            }
                        }
                    }
                }
            }
        }
        System.out.println("FUZZ requests=" + sent + " failures=" + failures.size());
        assertThat(sent).as("the walk reached the API").isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    private static String verdict(String method, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " " + abbreviated(response.body());
        }
        if (status < 400 && !method.equals("GET")) {
            return status + ": took bad input and changed something: " + abbreviated(response.body());
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 400 && !type.startsWith("application/problem+json")) {
            return status + " as " + type + ", not a problem: " + abbreviated(response.body());
        }
        return null;
    }

    private record Request(String method, String target, String contentType, String body) {

        HttpRequest build(int port, String user) {
            String credentials = Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-pal").getBytes(StandardCharsets.UTF_8));
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + target))
                    .header("Authorization", "Basic " + credentials).header("Accept", "application/json");
            if (body == null) {
                return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
            }
            return builder.header("Content-Type", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        }
    }

    private static List<Request> requests(JsonNode document, String template, String method, JsonNode operation) {
        List<Request> requests = new ArrayList<>();
        String plain = template.replaceAll("\\{[^}]+}", "1");
        if (template.contains("{")) {
            BAD_IDS.forEach(id -> requests.add(new Request(method, template.replaceAll("\\{[^}]+}", id), null, null)));
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if ("query".equals(parameter.path("in").asText())) {
                String name = parameter.path("name").asText();
                BAD_QUERY_VALUES.forEach(value -> requests.add(new Request(method, plain + "?" + name + "="
                        + (value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8)), null,
                        null)));
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        for (Iterator<Map.Entry<String, JsonNode>> types = content.fields(); types.hasNext();) {
            Map.Entry<String, JsonNode> type = types.next();
            Set<String> bodies = new LinkedHashSet<>(BAD_DOCUMENTS);
            if (type.getKey().contains("json")) {
                bodies.addAll(badObjects(document, type.getValue().path("schema")));
            }
            bodies.forEach(body -> requests.add(new Request(method, plain, type.getKey(), body)));
        }
        return requests;
    }

    /** Objects with one field of the wrong type, too long or out of range, and every other field left out. */
    private static List<String> badObjects(JsonNode document, JsonNode schema) {
        JsonNode resolved = resolve(document, schema);
        List<String> bodies = new ArrayList<>();
        bodies.add("{}");
        for (Iterator<Map.Entry<String, JsonNode>> properties = resolved.path("properties").fields();
                properties.hasNext();) {
            Map.Entry<String, JsonNode> property = properties.next();
            for (Object value : badValues(resolve(document, property.getValue()))) {
                ObjectNode body = JSON.createObjectNode();
                body.set(property.getKey(), JSON.valueToTree(value));
                bodies.add(body.toString());
            }
        }
        return bodies;
    }

    private static List<Object> badValues(JsonNode schema) {
        List<Object> values = new ArrayList<>(List.of("x".repeat(10_000), "\u0000\u202E", -1, 2.5,
                new java.math.BigInteger("99999999999999999999"), List.of(), Map.of(), true));
        if ("string".equals(schema.path("type").asText()) && "date".equals(schema.path("format").asText())) {
            values.addAll(List.of("+999999-05-21", "2026-02-30", "yesterday"));
        }
        if ("array".equals(schema.path("type").asText())) {
            values.add(java.util.Arrays.asList((Object) null));
            values.add(List.of(Map.of("unexpected", "x".repeat(1000))));
        }
        return values;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? schema : document.at(ref.substring(1));
    }

    private static String abbreviated(String text) {
        return text == null ? "no body" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}

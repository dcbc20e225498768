package org.palflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;

/** The HTTP API as one realm user sees it; answers are returned whatever their status. */
public final class Api {

    private static final String UTF8_CSV = "text/csv; charset=UTF-8";

    private final RestClient client;

    private Api(RestClient client) {
        this.client = client;
    }

    public static Api as(int port, String username) {
        return as(port, username, (request, body, execution) -> execution.execute(request, body));
    }

    /** As {@link #as(int, String)}, every exchange passing through {@code interceptor}, which may count it. */
    public static Api as(int port, String username, ClientHttpRequestInterceptor interceptor) {
        return new Api(base(port).requestInterceptor(interceptor)
                .defaultHeaders(headers -> headers.setBasicAuth(username, username + "-pal")).build());
    }

    public static Api bearer(int port, String token) {
        return new Api(base(port).defaultHeaders(headers -> headers.setBearerAuth(token)).build());
    }

    public static Api anonymous(int port) {
        return new Api(base(port).build());
    }

    private static RestClient.Builder base(int port) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {
                });
    }

    public ResponseEntity<JsonNode> get(String path) {
        return client.get().uri(path).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    /** A create or decide request that may be sent again with the same key. */
    public ResponseEntity<JsonNode> post(String path, Object body, String idempotencyKey) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", idempotencyKey)
                .body(body).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> put(String path, Object body) {
        return client.put().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> postEmpty(String path) {
        return client.post().uri(path).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> postEmpty(String path, String idempotencyKey) {
        return client.post().uri(path).header("Idempotency-Key", idempotencyKey).retrieve().toEntity(JsonNode.class);
    }

    /** {@code path} is a URI template; its variables are encoded once, as a client would. */
    public ResponseEntity<JsonNode> putBytes(String path, byte[] body, Object... uriVariables) {
        return client.put().uri(path, uriVariables).contentType(MediaType.APPLICATION_OCTET_STREAM).body(body).retrieve()
                .toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> putBytes(String idempotencyKey, String path, byte[] body, Object... uriVariables) {
        return client.put().uri(path, uriVariables).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header("Idempotency-Key", idempotencyKey).body(body).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<byte[]> download(String path) {
        return client.get().uri(path).retrieve().toEntity(byte[].class);
    }

    /**
     * Text sent as UTF-8 and said to be: without the charset, the client encodes a string as ISO-8859-1 and the app,
     * reading UTF-8 as a spreadsheet's "CSV UTF-8" is, refuses the accented letters.
     */
    public ResponseEntity<JsonNode> postCsv(String path, String csv) {
        return client.post().uri(path).header(HttpHeaders.CONTENT_TYPE, UTF8_CSV).body(csv).retrieve()
                .toEntity(JsonNode.class);
    }

    /** A file's bytes as they are, in whatever encoding it was saved. */
    public ResponseEntity<JsonNode> postCsv(String path, byte[] csv) {
        return client.post().uri(path).header(HttpHeaders.CONTENT_TYPE, "text/csv").body(csv).retrieve()
                .toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> postCsv(String path, String csv, String idempotencyKey) {
        return client.post().uri(path).header(HttpHeaders.CONTENT_TYPE, UTF8_CSV)
                .header("Idempotency-Key", idempotencyKey).body(csv).retrieve().toEntity(JsonNode.class);
    }
}

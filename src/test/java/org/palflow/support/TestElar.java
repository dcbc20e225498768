package org.palflow.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback standing in for the state's ELAR intake. It answers as cued (fail with 503,
 * time out, or accept) and, like a careful receiver, applies each idempotency key once.
 */
public final class TestElar {

    public enum Answer { FAIL, TIME_OUT, ACCEPT }

    /** The shared secret the app is configured with; a hand-off without it is refused, as ELAR would. */
    public static final String SECRET = "test-elar-secret";

    private static final HttpServer SERVER = start();
    private static final Deque<Answer> CUES = new ConcurrentLinkedDeque<>();
    private static final Map<String, String> APPLIED = new ConcurrentHashMap<>();
    private static final List<String> REQUESTS = new CopyOnWriteArrayList<>();

    private TestElar() {
    }

    public static String url() {
        return "http://127.0.0.1:" + SERVER.getAddress().getPort() + "/elar/handoffs";
    }

    /** The next requests get these answers, in order; after them, every request is accepted. */
    public static void cue(Answer... answers) {
        CUES.addAll(List.of(answers));
    }

    /** Effective hand-offs: idempotency key to payload, each applied once. */
    public static Map<String, String> applied() {
        return Map.copyOf(APPLIED);
    }

    /** Every request's idempotency key and the answer it got, in order. */
    public static List<String> requests() {
        return new ArrayList<>(REQUESTS);
    }

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/elar/handoffs", TestElar::handle);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        if (!("Bearer " + SECRET).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.sendResponseHeaders(401, -1);
            exchange.close();
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Answer answer = CUES.isEmpty() ? Answer.ACCEPT : CUES.poll();
        REQUESTS.add(key + " " + answer);
        if (answer == Answer.TIME_OUT) {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        int status = answer == Answer.ACCEPT ? (APPLIED.putIfAbsent(key, body) == null ? 201 : 200) : 503;
        byte[] reply = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, reply.length);
        exchange.getResponseBody().write(reply);
        exchange.close();
    }
}

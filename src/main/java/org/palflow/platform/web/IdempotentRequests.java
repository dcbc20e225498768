package org.palflow.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Makes every create or decide request safe to send again: a client that did not hear the answer repeats the
 * request with the same {@code Idempotency-Key} and gets the first answer (same status and body) instead of a
 * second record. The same key with another request is a 422 problem; while the first is still running, a 409.
 * Keys are per person. An answer of 5xx is not kept, so the request can be tried again for real.
 *
 * <p>Only JSON, text and empty bodies are held here, up to 10 MB. A binary body (an evidence upload, up to 500 MB)
 * streams on to its endpoint, which keeps the key with what it stores.
 */
@Component
class IdempotentRequests extends OncePerRequestFilter {

    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** A first request still unanswered after this long died with its server; its key may be used again. */
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    /** A server run not heard from for this long has died (killed, crashed): its unanswered claims are void. */
    private static final Duration RUN_GONE_AFTER = Duration.ofSeconds(60);
    /** Whether a run is alive is a matter of real time, whatever the app's clock says (tests move it by days). */
    private static final Clock REAL_TIME = Clock.systemUTC();

    private final String run = UUID.randomUUID().toString();

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    IdempotentRequests(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    private record FirstAnswer(String requestHash, Integer status, String contentType, byte[] body) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(IdempotencyKey.HEADER) == null || !request.getRequestURI().startsWith("/api/")
                || !(request.getMethod().equals("POST") || request.getMethod().equals("PUT"))
                || !heldHere(request.getContentType());
    }

    private static boolean heldHere(String contentType) {
        if (contentType == null) {
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException unreadable) {
            return true;
        }
        return type.getType().equals("text") || type.isCompatibleWith(MediaType.APPLICATION_JSON)
                || type.getSubtype().endsWith("+json");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key;
        try {
            key = IdempotencyKey.valid(request.getHeader(IdempotencyKey.HEADER));
        } catch (ApiProblem invalid) {
            refuse(response, invalid);
            return;
        }
        Authentication person = SecurityContextHolder.getContext().getAuthentication();
        String owner = person == null ? "" : person.getName();
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, ApiProblem.of(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                    "A request sent with an Idempotency-Key may have at most 10 MB."));
            return;
        }
        String hash = hash(request, body);
        if (!claim(owner, key, hash)) {
            answerAgain(response, key, hash, first(owner, key));
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new BufferedBody(request, body), answer);
        } finally {
            if (answer.getStatus() >= 500) {
                jdbc.update("DELETE FROM idempotent_request WHERE owner = ? AND idempotency_key = ?", owner, key);
            } else {
                jdbc.update("UPDATE idempotent_request SET status = ?, content_type = ?, body = ? "
                        + "WHERE owner = ? AND idempotency_key = ?", answer.getStatus(), answer.getContentType(),
                        answer.getContentAsByteArray(), owner, key);
            }
            answer.copyBodyToResponse();
        }
    }

    /** Tells the other runs sharing the database that this one is alive, and forgets runs gone for a day. */
    @Scheduled(fixedDelay = 10_000)
    void heartbeat() {
        Timestamp now = Timestamp.from(REAL_TIME.instant());
        if (jdbc.update("UPDATE server_run SET seen_at = ? WHERE run_id = ?", now, run) == 0) {
            jdbc.update("INSERT INTO server_run (run_id, seen_at) VALUES (?, ?)", run, now);
        }
        jdbc.update("DELETE FROM server_run WHERE seen_at < ?",
                Timestamp.from(REAL_TIME.instant().minus(Duration.ofDays(1))));
    }

    /**
     * True if this request is the first with the key, or the first one is void: its server run died before it
     * answered (not heard from lately), or it has gone unanswered for minutes.
     */
    private boolean claim(String owner, String key, String hash) {
        return insertClaim(owner, key, hash) || (releaseVoidClaim(owner, key) && insertClaim(owner, key, hash));
    }

    private boolean insertClaim(String owner, String key, String hash) {
        try {
            jdbc.update("INSERT INTO idempotent_request "
                    + "(owner, idempotency_key, request_hash, created_at, claimed_by) VALUES (?, ?, ?, ?, ?)",
                    owner, key, hash, Timestamp.from(clock.instant()), run);
            return true;
        } catch (DuplicateKeyException repeated) {
            return false;
        }
    }

    /** Only asked once a claim is found: a key's first use, nearly every request, costs one statement. */
    private boolean releaseVoidClaim(String owner, String key) {
        return jdbc.update("DELETE FROM idempotent_request WHERE owner = ? AND idempotency_key = ? AND status IS NULL "
                + "AND (created_at < ? OR claimed_by NOT IN "
                + "(SELECT run_id FROM server_run WHERE seen_at >= ?))", owner, key,
                Timestamp.from(clock.instant().minus(ABANDONED_AFTER)),
                Timestamp.from(REAL_TIME.instant().minus(RUN_GONE_AFTER))) > 0;
    }

    private void answerAgain(HttpServletResponse response, String key, String hash, FirstAnswer first)
            throws IOException {
        if (!first.requestHash().equals(hash)) {
            refuse(response, IdempotencyKey.reused(key));
        } else if (first.status() == null) {
            refuse(response, ApiProblem.conflict("The first request with the Idempotency-Key " + key
                    + " is still being processed; send it again in a moment."));
        } else {
            response.setStatus(first.status());
            if (first.contentType() != null) {
                response.setContentType(first.contentType());
            }
            response.getOutputStream().write(first.body() == null ? new byte[0] : first.body());
        }
    }

    private FirstAnswer first(String owner, String key) {
        return jdbc.queryForObject("SELECT request_hash, status, content_type, body FROM idempotent_request "
                + "WHERE owner = ? AND idempotency_key = ?", (row, n) -> new FirstAnswer(row.getString(1),
                (Integer) row.getObject(2), row.getString(3), row.getBytes(4)), owner, key);
    }

    private void refuse(HttpServletResponse response, ApiProblem problem) throws IOException {
        response.setStatus(problem.getStatusCode().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem.getBody());
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request as read, so the controller can read its body once more. */
    private static final class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}

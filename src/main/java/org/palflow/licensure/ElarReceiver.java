package org.palflow.licensure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.palflow.platform.web.ApiProblem;
import org.palflow.platform.web.IdempotencyKey;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The embedded default's stand-in for the state's ELAR system, so the whole path runs on one machine: it records
 * each hand-off once per idempotency key and counts repeated deliveries. It takes only what the sender sends: the
 * shared secret as a bearer token, a JSON object of at most 64 KB, a valid key. Set {@code pal.licensure.elar-url}
 * to send to the real endpoint instead ({@code pal.licensure.elar-stand-in} keeps this one served as well).
 */
@RestController
@ConditionalOnExpression("'${pal.licensure.elar-url:}'.isEmpty() or '${pal.licensure.elar-stand-in:false}' == 'true'")
class ElarReceiver {

    static final String PATH = "/elar-receiver/handoffs";
    private static final int MAX_BYTES = 64 * 1024;

    private final ElarReceiptRepository receipts;
    private final ElarCredential credential;
    private final ObjectMapper json;
    private final Clock clock;

    ElarReceiver(ElarReceiptRepository receipts, ElarCredential credential, ObjectMapper json, Clock clock) {
        this.receipts = receipts;
        this.credential = credential;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<Map<String, Object>> receive(@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false)
            String authorization, @RequestHeader(IdempotencyKey.HEADER) String key, HttpServletRequest request)
            throws IOException {
        if (!credential.accepts(authorization)) {
            throw ApiProblem.of(HttpStatus.UNAUTHORIZED, "Unauthorized",
                    "A hand-off must carry the ELAR secret as a bearer token.");
        }
        IdempotencyKey.valid(key);
        String payload = jsonObject(request.getInputStream().readNBytes(MAX_BYTES + 1));
        ElarReceipt receipt = receipts.findById(key).orElse(null);
        if (receipt != null) {
            receipt.deliveredAgain();
            return ResponseEntity.ok(Map.of("idempotencyKey", key, "duplicate", true));
        }
        receipts.save(new ElarReceipt(key, payload, Instant.now(clock)));
        return ResponseEntity.status(201).body(Map.of("idempotencyKey", key, "duplicate", false));
    }

    private String jsonObject(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw ApiProblem.of(HttpStatus.PAYLOAD_TOO_LARGE, "Hand-off too large",
                    "A hand-off may have at most " + MAX_BYTES / 1024 + " KB.");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            throw ApiProblem.invalid("The hand-off is not valid.", List.of("the body must be one JSON object"));
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}

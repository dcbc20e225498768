package org.palflow.licensure;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The embedded default's stand-in for the state's ELAR system, so the whole path runs on one machine: it records
 * each hand-off once per idempotency key and counts repeated deliveries. Set {@code pal.licensure.elar-url} to
 * send to the real endpoint instead.
 */
@RestController
@ConditionalOnExpression("'${pal.licensure.elar-url:}'.isEmpty()")
class ElarReceiver {

    static final String PATH = "/elar-receiver/handoffs";

    private final ElarReceiptRepository receipts;
    private final Clock clock;

    ElarReceiver(ElarReceiptRepository receipts, Clock clock) {
        this.receipts = receipts;
        this.clock = clock;
    }

    @PostMapping(PATH)
    @Transactional
    ResponseEntity<Map<String, Object>> receive(@RequestHeader("Idempotency-Key") String key,
            @RequestBody String payload) {
        ElarReceipt receipt = receipts.findById(key).orElse(null);
        if (receipt != null) {
            receipt.deliveredAgain();
            return ResponseEntity.ok(Map.of("idempotencyKey", key, "duplicate", true));
        }
        receipts.save(new ElarReceipt(key, payload, Instant.now(clock)));
        return ResponseEntity.status(201).body(Map.of("idempotencyKey", key, "duplicate", false));
    }
}

package org.palflow.licensure;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** What the embedded stand-in for ELAR received under one idempotency key, and how often it was delivered. */
@Entity
class ElarReceipt {

    @Id
    private String idempotencyKey;
    private String payload;
    private int deliveries;
    private Instant receivedAt;

    protected ElarReceipt() {
    }

    ElarReceipt(String idempotencyKey, String payload, Instant receivedAt) {
        this.idempotencyKey = idempotencyKey;
        this.payload = payload;
        this.deliveries = 1;
        this.receivedAt = receivedAt;
    }

    void deliveredAgain() {
        deliveries++;
    }
}

package org.palflow.licensure;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** The outbox row of one passing decision's hand-off to ELAR, written in the decision's transaction. */
@Entity
class ElarHandoff {

    public enum Status { PENDING, SENT }

    @Id
    private Long decisionId;
    private Long candidateId;
    private String idempotencyKey;
    private String payload;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private String lastError;
    private Long jobKey;
    private Instant createdAt;
    private Instant sentAt;

    protected ElarHandoff() {
    }

    ElarHandoff(long decisionId, long candidateId, String payload, Instant createdAt) {
        this.decisionId = decisionId;
        this.candidateId = candidateId;
        this.idempotencyKey = "pal-licensure-decision-" + decisionId;
        this.payload = payload;
        this.status = Status.PENDING;
        this.createdAt = createdAt;
    }

    void failed(String error, long jobKey) {
        this.attempts++;
        this.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
        this.jobKey = jobKey;
    }

    void sent(Instant now) {
        this.attempts++;
        this.status = Status.SENT;
        this.sentAt = now;
    }

    public Long getDecisionId() {
        return decisionId;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getPayload() {
        return payload;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Long getJobKey() {
        return jobKey;
    }
}

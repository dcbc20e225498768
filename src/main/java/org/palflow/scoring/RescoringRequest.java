package org.palflow.scoring;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;

/** A candidate's one request to have a task scored again. */
@Entity
class RescoringRequest {

    public enum Status { REQUESTED, CHANGED, CONFIRMED }

    @Id
    private Long submissionId;
    private String requestedBy;
    private Instant requestedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String outcome;

    protected RescoringRequest() {
    }

    RescoringRequest(long submissionId, String requestedBy, Instant requestedAt) {
        this.submissionId = submissionId;
        this.requestedBy = requestedBy;
        this.requestedAt = requestedAt;
        this.status = Status.REQUESTED;
    }

    void decide(boolean changed, String outcome) {
        this.status = changed ? Status.CHANGED : Status.CONFIRMED;
        this.outcome = outcome;
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public Status getStatus() {
        return status;
    }

    public String getOutcome() {
        return outcome;
    }
}

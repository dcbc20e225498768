package org.palflow.mentoring;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/** A candidate's search for a mentor, from the first proposal to an accepted mentorship. */
@Entity
class MentorAssignment {

    public enum Status {
        /** The coordinator is to propose a mentor (again, after a decline or no answer). */
        AWAITING_PROPOSAL,
        /** A proposed mentor is to accept or decline. */
        AWAITING_RESPONSE,
        /** A mentor accepted; the mentorship is recorded. */
        ASSIGNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long candidateId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String returnedReason;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected MentorAssignment() {
    }

    MentorAssignment(long candidateId, Instant now) {
        this.candidateId = candidateId;
        this.status = Status.AWAITING_PROPOSAL;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void awaitResponse(Instant now) {
        status = Status.AWAITING_RESPONSE;
        returnedReason = null;
        updatedAt = now;
    }

    void returnToCoordinator(String reason, Instant now) {
        status = Status.AWAITING_PROPOSAL;
        returnedReason = reason;
        updatedAt = now;
    }

    void assigned(Instant now) {
        status = Status.ASSIGNED;
        updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public Status getStatus() {
        return status;
    }

    public String getReturnedReason() {
        return returnedReason;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

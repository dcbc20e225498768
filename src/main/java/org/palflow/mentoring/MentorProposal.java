package org.palflow.mentoring;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

/** One mentor asked to mentor one candidate, and what came of it. */
@Entity
class MentorProposal {

    public enum Status { PENDING, ACCEPTED, DECLINED, EXPIRED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long assignmentId;
    private Long mentorId;
    private String proposedBy;
    private Instant proposedAt;
    private Instant respondBy;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String declineReason;
    private Instant respondedAt;
    @Version
    private long version;

    protected MentorProposal() {
    }

    MentorProposal(long assignmentId, long mentorId, String proposedBy, Instant proposedAt, Instant respondBy) {
        this.assignmentId = assignmentId;
        this.mentorId = mentorId;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.respondBy = respondBy;
        this.status = Status.PENDING;
    }

    void accept(Instant now) {
        status = Status.ACCEPTED;
        respondedAt = now;
    }

    void decline(String reason, Instant now) {
        status = Status.DECLINED;
        declineReason = reason;
        respondedAt = now;
    }

    void expire() {
        if (status == Status.PENDING) {
            status = Status.EXPIRED;
        }
    }

    public Long getId() {
        return id;
    }

    public Long getAssignmentId() {
        return assignmentId;
    }

    public Long getMentorId() {
        return mentorId;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public Instant getRespondBy() {
        return respondBy;
    }

    public Status getStatus() {
        return status;
    }

    public String getDeclineReason() {
        return declineReason;
    }

    public Instant getRespondedAt() {
        return respondedAt;
    }
}

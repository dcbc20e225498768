package org.palflow.scoring;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** A submission given to one scorer for one purpose; once scored, its result never changes. */
@Entity
class ScoringAssignment {


    public enum Status { OPEN, SCORED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long submissionId;
    private Long scorerId;
    @Enumerated(EnumType.STRING)
    private ScoringPurpose purpose;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant assignedAt;
    private Instant dueAt;
    private Instant scoredAt;
    private BigDecimal taskScore;
    /** The scorer's {@link ScoringRules.TaskResult} as JSON. */
    private String result;

    protected ScoringAssignment() {
    }

    ScoringAssignment(long submissionId, long scorerId, ScoringPurpose purpose, Instant assignedAt, Instant dueAt) {
        this.submissionId = submissionId;
        this.scorerId = scorerId;
        this.purpose = purpose;
        this.status = Status.OPEN;
        this.assignedAt = assignedAt;
        this.dueAt = dueAt;
    }

    void recordResult(BigDecimal taskScore, String result, Instant now) {
        if (status == Status.SCORED) {
            throw new IllegalStateException("Assignment " + id + " is already scored");
        }
        this.taskScore = taskScore;
        this.result = result;
        this.scoredAt = now;
        this.status = Status.SCORED;
    }

    public Long getId() {
        return id;
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public Long getScorerId() {
        return scorerId;
    }

    public ScoringPurpose getPurpose() {
        return purpose;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getScoredAt() {
        return scoredAt;
    }

    public String getResult() {
        return result;
    }
}

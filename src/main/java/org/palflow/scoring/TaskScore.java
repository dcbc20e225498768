package org.palflow.scoring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A released task result. Immutable: the class has no setters and the table is only inserted into; a correction
 * (a changed rescoring) is a new row whose {@code replacesId} points at the row it replaces.
 */
@Entity
class TaskScore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long submissionId;
    private Long candidateId;
    private int task;
    private BigDecimal taskScore;
    private String result;
    private String basis;
    private Long replacesId;
    private LocalDate reportDate;
    private LocalDate validUntil;
    private Instant releasedAt;

    protected TaskScore() {
    }

    TaskScore(long submissionId, long candidateId, int task, BigDecimal taskScore, String result, String basis,
            Long replacesId, LocalDate reportDate, LocalDate validUntil, Instant releasedAt) {
        this.submissionId = submissionId;
        this.candidateId = candidateId;
        this.task = task;
        this.taskScore = taskScore;
        this.result = result;
        this.basis = basis;
        this.replacesId = replacesId;
        this.reportDate = reportDate;
        this.validUntil = validUntil;
        this.releasedAt = releasedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public int getTask() {
        return task;
    }

    public BigDecimal getTaskScore() {
        return taskScore;
    }

    public String getResult() {
        return result;
    }

    public String getBasis() {
        return basis;
    }

    public Long getReplacesId() {
        return replacesId;
    }

    public LocalDate getReportDate() {
        return reportDate;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public Instant getReleasedAt() {
        return releasedAt;
    }

    /** Where this score stands; its validity ends on {@code validUntil}. */
    public ScoreStanding standing() {
        return new ScoreStanding(taskScore, validUntil);
    }
}

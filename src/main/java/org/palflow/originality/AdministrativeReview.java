package org.palflow.originality;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** A submission held for an admin because it shares passages with an earlier one. */
@Entity
class AdministrativeReview {

    public enum Status { OPEN, CLEARED, VOIDED }

    @Id
    private Long submissionId;
    private Long matchedSubmissionId;
    private int sharedFingerprints;
    private String submissionPassage;
    private String matchedPassage;
    @Enumerated(EnumType.STRING)
    private Status status;
    private LocalDate resubmitAfter;
    private String note;
    private String decidedBy;
    private Instant decidedAt;
    private Instant openedAt;

    protected AdministrativeReview() {
    }

    AdministrativeReview(long submissionId, long matchedSubmissionId, int sharedFingerprints, String submissionPassage,
            String matchedPassage, Instant openedAt) {
        this.submissionId = submissionId;
        this.matchedSubmissionId = matchedSubmissionId;
        this.sharedFingerprints = sharedFingerprints;
        this.submissionPassage = submissionPassage;
        this.matchedPassage = matchedPassage;
        this.status = Status.OPEN;
        this.openedAt = openedAt;
    }

    void decide(Status outcome, LocalDate resubmitAfter, String note, String decidedBy, Instant decidedAt) {
        this.status = outcome;
        this.resubmitAfter = resubmitAfter;
        this.note = note;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    public Long getMatchedSubmissionId() {
        return matchedSubmissionId;
    }

    public int getSharedFingerprints() {
        return sharedFingerprints;
    }

    public String getSubmissionPassage() {
        return submissionPassage;
    }

    public String getMatchedPassage() {
        return matchedPassage;
    }

    public Status getStatus() {
        return status;
    }

    public LocalDate getResubmitAfter() {
        return resubmitAfter;
    }

    public String getNote() {
        return note;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }
}

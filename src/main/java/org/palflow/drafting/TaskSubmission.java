package org.palflow.drafting;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A submitted task as scoring will see it; its files are listed, by hash, in submission_file. */
@Entity
class TaskSubmission {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long draftId;
    private Long candidateId;
    private int taskNumber;
    private String handbookVersion;
    private Instant submittedAt;

    protected TaskSubmission() {
    }

    TaskSubmission(TaskDraft draft, Instant submittedAt) {
        this.draftId = draft.getId();
        this.candidateId = draft.getCandidateId();
        this.taskNumber = draft.getTaskNumber();
        this.handbookVersion = draft.getHandbookVersion();
        this.submittedAt = submittedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getDraftId() {
        return draftId;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public int getTaskNumber() {
        return taskNumber;
    }

    public String getHandbookVersion() {
        return handbookVersion;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}

package org.palflow.drafting;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
public class TaskDraft {

    public enum Status { DRAFTING, SUBMITTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long candidateId;
    private int taskNumber;
    private String handbookVersion;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected TaskDraft() {
    }

    TaskDraft(long candidateId, int taskNumber, String handbookVersion, Instant now) {
        this.candidateId = candidateId;
        this.taskNumber = taskNumber;
        this.handbookVersion = handbookVersion;
        this.status = Status.DRAFTING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void submitted(Instant now) {
        status = Status.SUBMITTED;
        updatedAt = now;
    }

    public Long getId() {
        return id;
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

    public Status getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}

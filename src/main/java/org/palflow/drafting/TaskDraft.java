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
class TaskDraft {

    public enum Status { DRAFTING, SUBMITTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long candidateId;
    private int taskNumber;
    private String handbookVersion;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String priorityArea;
    private String collaborationPoints;
    private String collaborationRationale;
    private String collaborationRoles;
    /** Names of the staff, students and others the work involves, one per line: what blinding looks for. */
    private String roster;
    private Long processInstanceKey;
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

    void describe(String priorityArea, String collaborationPoints, String collaborationRationale,
            String collaborationRoles, java.util.List<String> roster, Instant now) {
        this.priorityArea = priorityArea;
        this.collaborationPoints = collaborationPoints;
        this.collaborationRationale = collaborationRationale;
        this.collaborationRoles = collaborationRoles;
        // A JSON roster may hold nulls and blanks: joined as they were, a null became the name "null".
        this.roster = roster == null ? null : roster.stream().filter(java.util.Objects::nonNull).map(String::strip)
                .filter(name -> !name.isEmpty()).collect(java.util.stream.Collectors.joining("\n"));
        this.updatedAt = now;
    }

    public java.util.List<String> rosterNames() {
        return roster == null || roster.isBlank() ? java.util.List.of()
                : java.util.Arrays.stream(roster.split("\n")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }

    public String getPriorityArea() {
        return priorityArea;
    }

    public String getCollaborationPoints() {
        return collaborationPoints;
    }

    public String getCollaborationRationale() {
        return collaborationRationale;
    }

    public String getCollaborationRoles() {
        return collaborationRoles;
    }

    boolean processStarted() {
        return processInstanceKey != null;
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

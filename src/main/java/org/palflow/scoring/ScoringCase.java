package org.palflow.scoring;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import org.palflow.platform.data.KnownKeyEntity;

/** Where one submission is between being submitted and its score being released; what candidates see. */
@Entity
class ScoringCase extends KnownKeyEntity<Long> {

    /** In the order a case goes through them. */
    public enum Status {
        WAITING_FOR_WINDOW, IN_WINDOW, SCREENING, IN_REVIEW, VOIDED, SCORING, SCORED, REPORTED
    }

    @Id
    private Long submissionId;
    private Long candidateId;
    private int task;
    private String handbookVersion;
    private Long windowId;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant updatedAt;

    protected ScoringCase() {
    }

    ScoringCase(long submissionId, long candidateId, int task, String handbookVersion, Instant now) {
        this.submissionId = submissionId;
        this.candidateId = candidateId;
        this.task = task;
        this.handbookVersion = handbookVersion;
        this.status = Status.WAITING_FOR_WINDOW;
        this.updatedAt = now;
    }

    /** Only forward: a job delivered again (Zeebe delivers at least once) never sets the case back. */
    void move(Status status, Instant now) {
        if (status.compareTo(this.status) > 0) {
            this.status = status;
            this.updatedAt = now;
        }
    }

    void placeIn(long windowId, Instant now) {
        this.windowId = windowId;
        move(Status.IN_WINDOW, now);
    }

    public Long getSubmissionId() {
        return submissionId;
    }

    @Override
    public Long getId() {
        return submissionId;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public int getTask() {
        return task;
    }

    public String getHandbookVersion() {
        return handbookVersion;
    }

    public Long getWindowId() {
        return windowId;
    }

    public Status getStatus() {
        return status;
    }
}

package org.palflow.mentoring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class MentorshipMilestone {

    public enum Status { OPEN, DONE, APPROVED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long mentorshipId;
    private String typeCode;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;
    private Instant openedAt;

    protected MentorshipMilestone() {
    }

    MentorshipMilestone(long mentorshipId, String typeCode, Instant openedAt) {
        this.mentorshipId = mentorshipId;
        this.typeCode = typeCode;
        this.status = Status.OPEN;
        this.openedAt = openedAt;
    }

    public String getTypeCode() {
        return typeCode;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }
}

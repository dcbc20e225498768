package org.palflow.mentoring;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class Mentorship {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long candidateId;
    private Long mentorId;
    private Long proposalId;
    private Instant startedAt;

    protected Mentorship() {
    }

    Mentorship(long candidateId, long mentorId, long proposalId, Instant startedAt) {
        this.candidateId = candidateId;
        this.mentorId = mentorId;
        this.proposalId = proposalId;
        this.startedAt = startedAt;
    }

    public Long getId() {
        return id;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public Long getMentorId() {
        return mentorId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }
}

package org.palflow.licensure;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

/** An expired score that has started its decision, so each expiry starts exactly one. */
@Entity
class ScoreExpiry {

    @Id
    private Long taskScoreId;
    private Long candidateId;
    private Instant noticedAt;

    protected ScoreExpiry() {
    }

    ScoreExpiry(long taskScoreId, long candidateId, Instant noticedAt) {
        this.taskScoreId = taskScoreId;
        this.candidateId = candidateId;
        this.noticedAt = noticedAt;
    }
}

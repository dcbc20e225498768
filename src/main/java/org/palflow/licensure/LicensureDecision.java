package org.palflow.licensure;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

/** One decision, with its explanation (the rules' outcomes as JSON), as shown to candidate and coordinator. */
@Entity
class LicensureDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long candidateId;
    private boolean passed;
    private BigDecimal average;
    private String explanation;
    private Instant decidedAt;
    private Long processInstanceKey;

    protected LicensureDecision() {
    }

    LicensureDecision(long candidateId, boolean passed, BigDecimal average, String explanation, Instant decidedAt,
            long processInstanceKey) {
        this.candidateId = candidateId;
        this.passed = passed;
        this.average = average;
        this.explanation = explanation;
        this.decidedAt = decidedAt;
        this.processInstanceKey = processInstanceKey;
    }

    public Long getId() {
        return id;
    }

    public Long getCandidateId() {
        return candidateId;
    }

    public boolean isPassed() {
        return passed;
    }

    public BigDecimal getAverage() {
        return average;
    }

    public String getExplanation() {
        return explanation;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}

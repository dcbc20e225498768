package org.palflow.originality;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.palflow.platform.data.KnownKeyEntity;

/** That a submission was screened, and what it matched: the index is rebuilt from these rows. */
@Entity
@Table(name = "originality_screening")
class ScreeningRecord extends KnownKeyEntity<Long> {

    @Id
    private Long submissionId;
    private Long candidateId;
    private int fingerprints;
    private Long matchedSubmissionId;
    private Integer sharedFingerprints;
    private Instant screenedAt;

    protected ScreeningRecord() {
    }

    ScreeningRecord(long submissionId, long candidateId, int fingerprints, Long matchedSubmissionId,
            Integer sharedFingerprints, Instant screenedAt) {
        this.submissionId = submissionId;
        this.candidateId = candidateId;
        this.fingerprints = fingerprints;
        this.matchedSubmissionId = matchedSubmissionId;
        this.sharedFingerprints = sharedFingerprints;
        this.screenedAt = screenedAt;
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

    public Long getMatchedSubmissionId() {
        return matchedSubmissionId;
    }
}

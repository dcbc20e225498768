package org.palflow.drafting;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A file sealed into a submission: its part's newest version when the draft was submitted. */
@Entity
class SubmissionFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long submissionId;
    private String partCode;
    private Long evidenceFileId;
    private String sha256;

    protected SubmissionFile() {
    }

    public String getPartCode() {
        return partCode;
    }

    public Long getEvidenceFileId() {
        return evidenceFileId;
    }

    public String getSha256() {
        return sha256;
    }
}

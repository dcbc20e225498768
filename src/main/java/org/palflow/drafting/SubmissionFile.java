package org.palflow.drafting;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

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

    SubmissionFile(long submissionId, EvidenceFile file) {
        this.submissionId = submissionId;
        this.partCode = file.getPartCode();
        this.evidenceFileId = file.getId();
        this.sha256 = file.getSha256();
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

package org.palflow.drafting;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One uploaded version of one part's file. Never changed once stored; a replacement is a new version. */
@Entity
class EvidenceFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long draftId;
    private String partCode;
    private int fileVersion;
    private String originalName;
    @Enumerated(EnumType.STRING)
    private FileType fileType;
    private String sha256;
    private long sizeBytes;
    private String storageKey;
    private String uploadedBy;
    private Instant uploadedAt;
    private String idempotencyKey;

    protected EvidenceFile() {
    }

    EvidenceFile(long draftId, String partCode, int fileVersion, String originalName, FileType fileType,
            EvidenceStore.Stored stored, String uploadedBy, Instant uploadedAt, String idempotencyKey) {
        this.draftId = draftId;
        this.partCode = partCode;
        this.fileVersion = fileVersion;
        this.originalName = originalName;
        this.fileType = fileType;
        this.sha256 = stored.sha256();
        this.sizeBytes = stored.size();
        this.storageKey = stored.key();
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
        this.idempotencyKey = idempotencyKey;
    }

    /** True if the upload that made this version sent these bytes under this name to this part. */
    boolean isSameUploadAs(String partCode, String originalName, EvidenceStore.Stored stored) {
        return this.partCode.equals(partCode) && this.originalName.equals(originalName)
                && sha256.equals(stored.sha256()) && sizeBytes == stored.size();
    }

    public Long getId() {
        return id;
    }

    public Long getDraftId() {
        return draftId;
    }

    public String getPartCode() {
        return partCode;
    }

    public int getFileVersion() {
        return fileVersion;
    }

    public String getOriginalName() {
        return originalName;
    }

    public FileType getFileType() {
        return fileType;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}

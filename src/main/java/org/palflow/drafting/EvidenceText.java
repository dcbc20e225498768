package org.palflow.drafting;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;
import org.palflow.platform.data.KnownKeyEntity;

/** What could be read from a file with a given content hash, or why it could not be read. */
@Entity
class EvidenceText extends KnownKeyEntity<String> {

    public enum Status {
        READABLE,
        /** Readable, but longer than the extraction reads; the rest is not counted. */
        TRUNCATED,
        ENCRYPTED,
        CORRUPT,
        ARCHIVE_BOMB,
        TIMED_OUT
    }

    @Id
    private String sha256;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int wordCount;
    private int charCount;
    private Integer pageCount;
    private String text;
    private String finding;
    private Instant extractedAt;

    protected EvidenceText() {
    }

    EvidenceText(String sha256, TextExtractor.Extraction extraction, Instant extractedAt) {
        this.sha256 = sha256;
        this.status = extraction.status();
        this.text = extraction.text();
        this.wordCount = extraction.words();
        this.charCount = extraction.text() == null ? 0 : extraction.text().length();
        this.pageCount = extraction.pages();
        this.finding = extraction.finding();
        this.extractedAt = extractedAt;
    }

    public String getSha256() {
        return sha256;
    }

    @Override
    public String getId() {
        return sha256;
    }

    public Status getStatus() {
        return status;
    }

    public int getWordCount() {
        return wordCount;
    }

    public int getCharCount() {
        return charCount;
    }

    /** As the file states it; empty for files that do not say (a .docx written by some tools). */
    public Optional<Integer> getPageCount() {
        return Optional.ofNullable(pageCount);
    }

    public String getText() {
        return text;
    }

    public String getFinding() {
        return finding;
    }

    public Instant getExtractedAt() {
        return extractedAt;
    }
}

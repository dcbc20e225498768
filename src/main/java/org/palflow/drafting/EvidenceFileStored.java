package org.palflow.drafting;

/** An evidence file was stored whole; its text is to be read. */
public record EvidenceFileStored(long fileId) {
}

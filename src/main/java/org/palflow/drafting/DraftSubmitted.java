package org.palflow.drafting;

/** The candidate submitted a draft; the draft is sealed. */
public record DraftSubmitted(long draftId, long submissionId) {
}

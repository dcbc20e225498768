package org.palflow.mentoring;

/** The proposed mentor answered. */
public record MentorResponded(long candidateId, long proposalId, boolean accepted) {
}

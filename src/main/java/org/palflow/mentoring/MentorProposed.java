package org.palflow.mentoring;

import java.time.Instant;

/** A coordinator proposed a mentor to a candidate, who has until {@code respondBy} to answer. */
public record MentorProposed(long candidateId, long proposalId, Instant respondBy) {
}

package org.palflow.mentoring;

/** A proposed mentor did not answer in time: the proposal no longer waits. */
public record MentorProposalExpired(long candidateId, long proposalId) {
}

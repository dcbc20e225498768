package org.palflow.licensure;

/** A released task score reached the end of its validity; the candidate's decision is to be taken again. */
public record ScoreExpired(long candidateId, long taskScoreId) {
}

package org.palflow.scoring;

/** A candidate asked for a task to be rescored. */
public record RescoringRequested(long submissionId) {
}

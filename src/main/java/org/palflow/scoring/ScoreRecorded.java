package org.palflow.scoring;

/** A scorer's marks for an assignment are stored; the scoring process waits for them. */
public record ScoreRecorded(long assignmentId) {
}

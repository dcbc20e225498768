package org.palflow.scoring;

/** A released result appeared or was corrected: whatever depends on a candidate's scores should look again. */
public record TaskScoreChanged(long candidateId, long taskScoreId) {
}

package org.palflow.scoring;

/**
 * The variables of processes/task-scoring.bpmn and processes/rescoring.bpmn that their workers read.
 *
 * @param purpose the {@link ScoringPurpose} of the scoring being assigned
 * @param noScorerReason why nobody could be assigned, carried by the BPMN error to the admin's notice
 */
record ScoringVariables(long submissionId, String purpose, long assignmentId, String noScorerReason) {
}

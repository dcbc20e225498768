package org.palflow.originality;

/** The variables of the originality steps of processes/task-scoring.bpmn. */
record ScreeningVariables(long submissionId) {
}

package org.palflow.licensure;

/** The variables of processes/licensure-decision.bpmn that its workers read. */
record DecisionVariables(long candidateId, long decisionId) {
}

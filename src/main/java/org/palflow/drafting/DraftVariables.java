package org.palflow.drafting;

/** The variables of processes/task-drafting.bpmn that its workers read; {@code component} is the one open. */
record DraftVariables(long draftId, String component) {
}

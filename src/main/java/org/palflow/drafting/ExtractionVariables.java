package org.palflow.drafting;

/** The variables of processes/evidence-extraction.bpmn. */
record ExtractionVariables(long fileId) {
}

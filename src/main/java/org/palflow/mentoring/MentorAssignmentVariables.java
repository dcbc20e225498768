package org.palflow.mentoring;

/** The variables of processes/mentor-assignment.bpmn that its workers read. */
record MentorAssignmentVariables(long candidateId, long proposalId) {
}

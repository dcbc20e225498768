package org.palflow.platform.process;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the processes are doing, for the admins' process dashboard: per BPMN element how many cases wait there now
 * and the incidents raised there, the cases waiting at one element, open incidents, and how many cases started
 * and completed lately. On the embedded default it is read from the engine's own records; on a cluster, from
 * Camunda's search and statistics API (which needs the cluster's secondary storage).
 */
public interface ProcessStatistics {

    record ElementCounts(String elementId, long waiting, long incidents, long completed, long pastDeadline) {
    }

    /** A case waiting at an element; {@code caseVariables} are the ids it carries (candidateId, draftId, …). */
    record WaitingCase(long processInstanceKey, long elementInstanceKey, String elementId, Instant since,
            boolean pastDeadline, Map<String, Long> caseVariables) {
    }

    record OpenIncident(long incidentKey, long processInstanceKey, String elementId, String message, Long jobKey,
            Instant createdAt, Map<String, Long> caseVariables) {
    }

    record Throughput(long startedLast7Days, long completedLast7Days, long startedLast30Days,
            long completedLast30Days) {
    }

    /** The variables that name a case, in the order they identify it best. */
    List<String> CASE_VARIABLES = List.of("candidateId", "registrationId", "submissionId", "draftId", "fileId",
            "decisionId");

    /** Per element id of the process. */
    Map<String, ElementCounts> elements(String bpmnProcessId);

    List<WaitingCase> waitingAt(String bpmnProcessId, String elementId);

    List<OpenIncident> incidents(String bpmnProcessId);

    Throughput throughput(String bpmnProcessId, Instant now);
}

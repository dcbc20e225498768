package org.palflow.platform.process;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.intent.VariableIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.TimerRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.palflow.platform.embedded.EmbeddedZeebeEngine;

/**
 * The process statistics of the embedded engine, folded from its record stream: each call reads the records written
 * since the last one and keeps only what is open (waiting element instances, open incidents, the case variables of
 * running instances) plus per-day counts of started and completed instances.
 */
class EngineRecordStatistics implements ProcessStatistics {

    /** Element types that are containers or pass-throughs, not places a case waits. */
    private static final Set<BpmnElementType> NOT_A_WAIT = Set.of(BpmnElementType.PROCESS,
            BpmnElementType.SUB_PROCESS, BpmnElementType.EVENT_SUB_PROCESS, BpmnElementType.MULTI_INSTANCE_BODY,
            BpmnElementType.SEQUENCE_FLOW, BpmnElementType.START_EVENT, BpmnElementType.END_EVENT,
            BpmnElementType.EXCLUSIVE_GATEWAY, BpmnElementType.PARALLEL_GATEWAY, BpmnElementType.INCLUSIVE_GATEWAY);

    private record Waiting(String processId, String elementId, long processInstanceKey, Instant since) {
    }

    private final EmbeddedZeebeEngine engine;
    /** The app's clock, which the engine's follows (tests move both). */
    private final java.time.Clock clock;
    private final Set<String> deadlineEvents;

    private long lastPosition = -1;
    private final Map<Long, Waiting> waiting = new HashMap<>();
    private final Set<Long> deadlinePassed = new HashSet<>();
    private final Map<Long, Instant> deadlineDue = new HashMap<>();
    private final Map<Long, OpenIncident> incidents = new LinkedHashMap<>();
    private final Map<Long, String> processOfIncident = new HashMap<>();
    private final Map<Long, Map<String, Long>> caseVariables = new HashMap<>();
    private final Map<String, Map<String, Long>> completedByElement = new HashMap<>();
    private final Map<String, Map<String, Long>> incidentsByElement = new HashMap<>();
    private final Map<String, TreeMap<LocalDate, long[]>> startedAndCompletedByDay = new HashMap<>();

    EngineRecordStatistics(EmbeddedZeebeEngine engine, ProcessModels models, java.time.Clock clock) {
        this.engine = engine;
        this.clock = clock;
        this.deadlineEvents = new HashSet<>();
        models.deadlineEvents().values().forEach(deadlineEvents::addAll);
    }

    @Override
    public synchronized Map<String, ElementCounts> elements(String bpmnProcessId) {
        catchUp();
        Instant now = engineNow();
        Map<String, long[]> counts = new TreeMap<>();
        waiting.forEach((key, wait) -> {
            if (wait.processId().equals(bpmnProcessId)) {
                long[] count = counts.computeIfAbsent(wait.elementId(), id -> new long[4]);
                count[0]++;
                if (pastDeadline(key, now)) {
                    count[3]++;
                }
            }
        });
        incidentsByElement.getOrDefault(bpmnProcessId, Map.of())
                .forEach((element, open) -> counts.computeIfAbsent(element, id -> new long[4])[1] = open);
        completedByElement.getOrDefault(bpmnProcessId, Map.of())
                .forEach((element, done) -> counts.computeIfAbsent(element, id -> new long[4])[2] = done);
        Map<String, ElementCounts> elements = new TreeMap<>();
        counts.forEach((element, count) -> elements.put(element,
                new ElementCounts(element, count[0], count[1], count[2], count[3])));
        return elements;
    }

    @Override
    public synchronized List<WaitingCase> waitingAt(String bpmnProcessId, String elementId) {
        catchUp();
        Instant now = engineNow();
        List<WaitingCase> cases = new ArrayList<>();
        waiting.forEach((key, wait) -> {
            if (wait.processId().equals(bpmnProcessId) && wait.elementId().equals(elementId)) {
                cases.add(new WaitingCase(wait.processInstanceKey(), key, elementId, wait.since(),
                        pastDeadline(key, now), caseVariables.getOrDefault(wait.processInstanceKey(), Map.of())));
            }
        });
        cases.sort(Comparator.comparing(WaitingCase::since));
        return cases;
    }

    @Override
    public synchronized List<OpenIncident> incidents(String bpmnProcessId) {
        catchUp();
        return incidents.values().stream()
                .filter(incident -> bpmnProcessId.equals(processOfIncident.get(incident.incidentKey())))
                .map(incident -> new OpenIncident(incident.incidentKey(), incident.processInstanceKey(),
                        incident.elementId(), incident.message(), incident.jobKey(), incident.createdAt(),
                        caseVariables.getOrDefault(incident.processInstanceKey(), Map.of())))
                .toList();
    }

    @Override
    public synchronized Throughput throughput(String bpmnProcessId, Instant now) {
        catchUp();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long[] last7 = new long[2];
        long[] last30 = new long[2];
        startedAndCompletedByDay.getOrDefault(bpmnProcessId, new TreeMap<>()).tailMap(today.minusDays(29), true)
                .forEach((day, counts) -> {
                    for (int i = 0; i < 2; i++) {
                        last30[i] += counts[i];
                        if (!day.isBefore(today.minusDays(6))) {
                            last7[i] += counts[i];
                        }
                    }
                });
        return new Throughput(last7[0], last7[1], last30[0], last30[1]);
    }

    /** The open incident of a job, if its retries ran out and nobody resolved it yet. */
    synchronized java.util.Optional<Long> openIncidentOfJob(long jobKey) {
        catchUp();
        return incidents.values().stream().filter(incident -> incident.jobKey() != null && incident.jobKey() == jobKey)
                .map(OpenIncident::incidentKey).findFirst();
    }

    private boolean pastDeadline(long elementInstanceKey, Instant now) {
        Instant due = deadlineDue.get(elementInstanceKey);
        return deadlinePassed.contains(elementInstanceKey) || (due != null && due.isBefore(now));
    }

    private Instant engineNow() {
        return clock.instant();
    }

    private void catchUp() {
        for (Record<?> record : engine.engine().getRecordStreamSource().getRecords()) {
            if (record.getPosition() <= lastPosition) {
                continue;
            }
            lastPosition = record.getPosition();
            if (record.getRecordType() != RecordType.EVENT) {
                continue;
            }
            switch (record.getValueType()) {
                case PROCESS_INSTANCE -> processInstance(record);
                case INCIDENT -> incident(record);
                case TIMER -> timer(record);
                case VARIABLE -> variable(record);
                default -> {
                }
            }
        }
    }

    private void processInstance(Record<?> record) {
        ProcessInstanceRecordValue value = (ProcessInstanceRecordValue) record.getValue();
        Instant at = Instant.ofEpochMilli(record.getTimestamp());
        boolean process = value.getBpmnElementType() == BpmnElementType.PROCESS;
        if (record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED) {
            if (process) {
                day(value.getBpmnProcessId(), at)[0]++;
            } else if (!NOT_A_WAIT.contains(value.getBpmnElementType())) {
                waiting.put(record.getKey(), new Waiting(value.getBpmnProcessId(), value.getElementId(),
                        value.getProcessInstanceKey(), at));
            }
        } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
            waiting.remove(record.getKey());
            deadlinePassed.remove(record.getKey());
            deadlineDue.remove(record.getKey());
            if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
                completedByElement.computeIfAbsent(value.getBpmnProcessId(), id -> new HashMap<>())
                        .merge(value.getElementId(), 1L, Long::sum);
            }
            if (process) {
                if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
                    day(value.getBpmnProcessId(), at)[1]++;
                }
                caseVariables.remove(value.getProcessInstanceKey());
            }
        }
    }

    private long[] day(String processId, Instant at) {
        return startedAndCompletedByDay.computeIfAbsent(processId, id -> new TreeMap<>())
                .computeIfAbsent(LocalDate.ofInstant(at, ZoneOffset.UTC), day -> new long[2]);
    }

    private void incident(Record<?> record) {
        IncidentRecordValue value = (IncidentRecordValue) record.getValue();
        Map<String, Long> byElement = incidentsByElement.computeIfAbsent(value.getBpmnProcessId(),
                id -> new HashMap<>());
        if (record.getIntent() == IncidentIntent.CREATED) {
            incidents.put(record.getKey(), new OpenIncident(record.getKey(), value.getProcessInstanceKey(),
                    value.getElementId(), value.getErrorMessage(), value.getJobKey() > 0 ? value.getJobKey() : null,
                    Instant.ofEpochMilli(record.getTimestamp()), Map.of()));
            processOfIncident.put(record.getKey(), value.getBpmnProcessId());
            byElement.merge(value.getElementId(), 1L, Long::sum);
        } else if (record.getIntent() == IncidentIntent.RESOLVED && incidents.remove(record.getKey()) != null) {
            processOfIncident.remove(record.getKey());
            byElement.merge(value.getElementId(), -1L, Long::sum);
        }
    }

    private void timer(Record<?> record) {
        TimerRecordValue value = (TimerRecordValue) record.getValue();
        if (!deadlineEvents.contains(value.getTargetElementId())) {
            return;
        }
        if (record.getIntent() == TimerIntent.CREATED) {
            deadlineDue.put(value.getElementInstanceKey(), Instant.ofEpochMilli(value.getDueDate()));
        } else if (record.getIntent() == TimerIntent.TRIGGERED && waiting.containsKey(value.getElementInstanceKey())) {
            deadlinePassed.add(value.getElementInstanceKey());
        }
    }

    private void variable(Record<?> record) {
        VariableRecordValue value = (VariableRecordValue) record.getValue();
        if ((record.getIntent() == VariableIntent.CREATED || record.getIntent() == VariableIntent.UPDATED)
                && value.getScopeKey() == value.getProcessInstanceKey() && CASE_VARIABLES.contains(value.getName())) {
            try {
                caseVariables.computeIfAbsent(value.getProcessInstanceKey(), key -> new LinkedHashMap<>())
                        .put(value.getName(), Long.valueOf(value.getValue()));
            } catch (NumberFormatException notAnId) {
                // A case variable holding something else than an id names no case.
            }
        }
    }
}

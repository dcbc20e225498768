package org.palflow.platform.process;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * running instances) plus per-day counts of started and completed instances. The fold is written to disk before
 * every engine snapshot and read back at start, so it survives restarts and the log's compaction, which keeps the
 * log from the fold's position on (as a broker does for its exporters).
 */
class EngineRecordStatistics implements ProcessStatistics {

    /** Element types that are containers or pass-throughs, not places a case waits. */
    private static final Set<BpmnElementType> NOT_A_WAIT = Set.of(BpmnElementType.PROCESS,
            BpmnElementType.SUB_PROCESS, BpmnElementType.EVENT_SUB_PROCESS, BpmnElementType.MULTI_INSTANCE_BODY,
            BpmnElementType.SEQUENCE_FLOW, BpmnElementType.START_EVENT, BpmnElementType.END_EVENT,
            BpmnElementType.EXCLUSIVE_GATEWAY, BpmnElementType.PARALLEL_GATEWAY, BpmnElementType.INCLUSIVE_GATEWAY);

    record Waiting(String processId, String elementId, long processInstanceKey, Instant since) {
    }

    /** Everything folded so far, up to {@code position}: what is written to disk and read back at start. */
    static final class Fold {
        public long position = -1;
        public Map<Long, Waiting> waiting = new HashMap<>();
        public Set<Long> deadlinePassed = new HashSet<>();
        public Map<Long, Instant> deadlineDue = new HashMap<>();
        public Map<Long, OpenIncident> incidents = new LinkedHashMap<>();
        public Map<Long, String> processOfIncident = new HashMap<>();
        public Map<Long, Map<String, Long>> caseVariables = new HashMap<>();
        public Map<String, Map<String, Long>> completedByElement = new HashMap<>();
        public Map<String, Map<String, Long>> incidentsByElement = new HashMap<>();
        public Map<String, TreeMap<LocalDate, long[]>> startedAndCompletedByDay = new HashMap<>();
    }

    private final EmbeddedZeebeEngine engine;
    /** The app's clock, which the engine's follows (tests move both). */
    private final java.time.Clock clock;
    private final Set<String> deadlineEvents;
    private final ObjectMapper json;
    private final Path file;
    private final Fold fold;
    /** Where the copy on disk ends: an idle engine's snapshots do not rewrite an unchanged file. */
    private long persistedPosition;

    EngineRecordStatistics(EmbeddedZeebeEngine engine, ProcessModels models, java.time.Clock clock,
            ObjectMapper json) {
        this.engine = engine;
        this.clock = clock;
        this.json = json;
        this.deadlineEvents = new HashSet<>();
        models.deadlineEvents().values().forEach(deadlineEvents::addAll);
        this.file = engine.dataFolder().resolve("process-statistics.json");
        this.fold = load();
        this.persistedPosition = fold.position;
        engine.register(this::readAndPersist);
    }

    private Fold load() {
        if (!Files.exists(file)) {
            return new Fold();
        }
        try {
            return json.readValue(file.toFile(), Fold.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The process statistics in " + file + " cannot be read", e);
        }
    }

    /** Catches up and writes the fold to disk (replacing the last copy whole); the log is kept from its position. */
    synchronized long readAndPersist() {
        catchUp();
        if (fold.position == persistedPosition) {
            return persistedPosition;
        }
        Path written = file.resolveSibling(file.getFileName() + ".new");
        try (FileChannel channel = FileChannel.open(written, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(json.writeValueAsBytes(fold)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("The process statistics could not be written to " + written, e);
        }
        try {
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("The process statistics could not be written to " + file, e);
        }
        persistedPosition = fold.position;
        return persistedPosition;
    }

    @Override
    public synchronized Map<String, ElementCounts> elements(String bpmnProcessId) {
        catchUp();
        Instant now = engineNow();
        Map<String, long[]> counts = new TreeMap<>();
        fold.waiting.forEach((key, wait) -> {
            if (wait.processId().equals(bpmnProcessId)) {
                long[] count = counts.computeIfAbsent(wait.elementId(), id -> new long[4]);
                count[0]++;
                if (pastDeadline(key, now)) {
                    count[3]++;
                }
            }
        });
        fold.incidentsByElement.getOrDefault(bpmnProcessId, Map.of())
                .forEach((element, open) -> counts.computeIfAbsent(element, id -> new long[4])[1] = open);
        fold.completedByElement.getOrDefault(bpmnProcessId, Map.of())
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
        fold.waiting.forEach((key, wait) -> {
            if (wait.processId().equals(bpmnProcessId) && wait.elementId().equals(elementId)) {
                cases.add(new WaitingCase(wait.processInstanceKey(), key, elementId, wait.since(),
                        pastDeadline(key, now),
                        fold.caseVariables.getOrDefault(wait.processInstanceKey(), Map.of())));
            }
        });
        cases.sort(Comparator.comparing(WaitingCase::since));
        return cases;
    }

    @Override
    public synchronized List<OpenIncident> incidents(String bpmnProcessId) {
        catchUp();
        return fold.incidents.values().stream()
                .filter(incident -> bpmnProcessId.equals(fold.processOfIncident.get(incident.incidentKey())))
                .map(incident -> new OpenIncident(incident.incidentKey(), incident.processInstanceKey(),
                        incident.elementId(), incident.message(), incident.jobKey(), incident.createdAt(),
                        fold.caseVariables.getOrDefault(incident.processInstanceKey(), Map.of())))
                .toList();
    }

    @Override
    public synchronized Throughput throughput(String bpmnProcessId, Instant now) {
        catchUp();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        long[] last7 = new long[2];
        long[] last30 = new long[2];
        fold.startedAndCompletedByDay.getOrDefault(bpmnProcessId, new TreeMap<>())
                .tailMap(today.minusDays(29), true)
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
        return fold.incidents.values().stream()
                .filter(incident -> incident.jobKey() != null && incident.jobKey() == jobKey)
                .map(OpenIncident::incidentKey).findFirst();
    }

    private boolean pastDeadline(long elementInstanceKey, Instant now) {
        Instant due = fold.deadlineDue.get(elementInstanceKey);
        return fold.deadlinePassed.contains(elementInstanceKey) || (due != null && due.isBefore(now));
    }

    private Instant engineNow() {
        return clock.instant();
    }

    private void catchUp() {
        fold.position = engine.readAfter(fold.position, this::fold);
    }

    private void fold(Record<?> record) {
        if (record.getRecordType() == RecordType.EVENT) {
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
                fold.waiting.put(record.getKey(), new Waiting(value.getBpmnProcessId(), value.getElementId(),
                        value.getProcessInstanceKey(), at));
            }
        } else if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
                || record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED) {
            fold.waiting.remove(record.getKey());
            fold.deadlinePassed.remove(record.getKey());
            fold.deadlineDue.remove(record.getKey());
            if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
                fold.completedByElement.computeIfAbsent(value.getBpmnProcessId(), id -> new HashMap<>())
                        .merge(value.getElementId(), 1L, Long::sum);
            }
            if (process) {
                if (record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED) {
                    day(value.getBpmnProcessId(), at)[1]++;
                }
                fold.caseVariables.remove(value.getProcessInstanceKey());
            }
        }
    }

    private long[] day(String processId, Instant at) {
        return fold.startedAndCompletedByDay.computeIfAbsent(processId, id -> new TreeMap<>())
                .computeIfAbsent(LocalDate.ofInstant(at, ZoneOffset.UTC), day -> new long[2]);
    }

    private void incident(Record<?> record) {
        IncidentRecordValue value = (IncidentRecordValue) record.getValue();
        Map<String, Long> byElement = fold.incidentsByElement.computeIfAbsent(value.getBpmnProcessId(),
                id -> new HashMap<>());
        if (record.getIntent() == IncidentIntent.CREATED) {
            fold.incidents.put(record.getKey(), new OpenIncident(record.getKey(), value.getProcessInstanceKey(),
                    value.getElementId(), value.getErrorMessage(), value.getJobKey() > 0 ? value.getJobKey() : null,
                    Instant.ofEpochMilli(record.getTimestamp()), Map.of()));
            fold.processOfIncident.put(record.getKey(), value.getBpmnProcessId());
            byElement.merge(value.getElementId(), 1L, Long::sum);
        } else if (record.getIntent() == IncidentIntent.RESOLVED && fold.incidents.remove(record.getKey()) != null) {
            fold.processOfIncident.remove(record.getKey());
            byElement.merge(value.getElementId(), -1L, Long::sum);
        }
    }

    private void timer(Record<?> record) {
        TimerRecordValue value = (TimerRecordValue) record.getValue();
        if (!deadlineEvents.contains(value.getTargetElementId())) {
            return;
        }
        if (record.getIntent() == TimerIntent.CREATED) {
            fold.deadlineDue.put(value.getElementInstanceKey(), Instant.ofEpochMilli(value.getDueDate()));
        } else if (record.getIntent() == TimerIntent.TRIGGERED
                && fold.waiting.containsKey(value.getElementInstanceKey())) {
            fold.deadlinePassed.add(value.getElementInstanceKey());
        }
    }

    private void variable(Record<?> record) {
        VariableRecordValue value = (VariableRecordValue) record.getValue();
        if ((record.getIntent() == VariableIntent.CREATED || record.getIntent() == VariableIntent.UPDATED)
                && value.getScopeKey() == value.getProcessInstanceKey() && CASE_VARIABLES.contains(value.getName())) {
            try {
                fold.caseVariables.computeIfAbsent(value.getProcessInstanceKey(), key -> new LinkedHashMap<>())
                        .put(value.getName(), Long.valueOf(value.getValue()));
            } catch (NumberFormatException notAnId) {
                // A case variable holding something else than an id names no case.
            }
        }
    }
}

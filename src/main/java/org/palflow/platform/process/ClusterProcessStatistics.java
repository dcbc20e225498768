package org.palflow.platform.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The process statistics of a Camunda 8.8 cluster, from its REST API (element statistics of the latest process
 * definition, element instance, incident, process instance and variable searches). These read the cluster's
 * secondary storage (Elasticsearch, OpenSearch or RDBMS), so they lag the engine by its export interval. Waits
 * past a deadline are not derived here: the search API does not expose pending timers.
 */
class ClusterProcessStatistics implements ProcessStatistics {

    /** How many waiting cases or incidents one list shows at most. */
    private static final int LIST_LIMIT = 200;

    private final CamundaClient camunda;

    ClusterProcessStatistics(CamundaClient camunda) {
        this.camunda = camunda;
    }

    @Override
    public Map<String, ElementCounts> elements(String bpmnProcessId) {
        Map<String, ElementCounts> elements = new TreeMap<>();
        latestDefinitionKey(bpmnProcessId).ifPresent(key -> camunda.newProcessDefinitionElementStatisticsRequest(key)
                .send().join().forEach(statistics -> elements.put(statistics.getElementId(),
                        new ElementCounts(statistics.getElementId(), statistics.getActive(), statistics.getIncidents(),
                                statistics.getCompleted(), 0))));
        return elements;
    }

    @Override
    public List<WaitingCase> waitingAt(String bpmnProcessId, String elementId) {
        List<ElementInstance> active = camunda.newElementInstanceSearchRequest()
                .filter(filter -> filter.processDefinitionId(bpmnProcessId).elementId(elementId)
                        .state(ElementInstanceState.ACTIVE))
                .page(page -> page.limit(LIST_LIMIT)).send().join().items();
        return active.stream().map(instance -> new WaitingCase(instance.getProcessInstanceKey(),
                instance.getElementInstanceKey(), elementId, instant(instance.getStartDate()), false,
                caseVariables(instance.getProcessInstanceKey()))).toList();
    }

    @Override
    public List<OpenIncident> incidents(String bpmnProcessId) {
        List<Incident> open = camunda.newIncidentSearchRequest()
                .filter(filter -> filter.processDefinitionId(bpmnProcessId).state(IncidentState.ACTIVE))
                .page(page -> page.limit(LIST_LIMIT)).send().join().items();
        return open.stream().map(incident -> new OpenIncident(incident.getIncidentKey(),
                incident.getProcessInstanceKey(), incident.getElementId(), incident.getErrorMessage(),
                incident.getJobKey(), instant(incident.getCreationTime()),
                caseVariables(incident.getProcessInstanceKey()))).toList();
    }

    @Override
    public Throughput throughput(String bpmnProcessId, Instant now) {
        OffsetDateTime weekAgo = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(7)), ZoneOffset.UTC);
        OffsetDateTime monthAgo = OffsetDateTime.ofInstant(now.minus(Duration.ofDays(30)), ZoneOffset.UTC);
        return new Throughput(started(bpmnProcessId, weekAgo), completed(bpmnProcessId, weekAgo),
                started(bpmnProcessId, monthAgo), completed(bpmnProcessId, monthAgo));
    }

    private long started(String bpmnProcessId, OffsetDateTime since) {
        return camunda.newProcessInstanceSearchRequest()
                .filter(filter -> filter.processDefinitionId(bpmnProcessId).startDate(date -> date.gte(since)))
                .page(page -> page.limit(1)).send().join().page().totalItems();
    }

    private long completed(String bpmnProcessId, OffsetDateTime since) {
        return camunda.newProcessInstanceSearchRequest()
                .filter(filter -> filter.processDefinitionId(bpmnProcessId).state(ProcessInstanceState.COMPLETED)
                        .endDate(date -> date.gte(since)))
                .page(page -> page.limit(1)).send().join().page().totalItems();
    }

    private java.util.Optional<Long> latestDefinitionKey(String bpmnProcessId) {
        return camunda.newProcessDefinitionSearchRequest()
                .filter(filter -> filter.processDefinitionId(bpmnProcessId).isLatestVersion(true))
                .send().join().items().stream().map(definition -> definition.getProcessDefinitionKey()).findFirst();
    }

    private Map<String, Long> caseVariables(long processInstanceKey) {
        Map<String, Long> found = new HashMap<>();
        camunda.newVariableSearchRequest()
                .filter(filter -> filter.processInstanceKey(processInstanceKey).scopeKey(processInstanceKey))
                .page(page -> page.limit(100)).send().join().items().forEach(variable -> {
                    if (CASE_VARIABLES.contains(variable.getName())) {
                        try {
                            found.put(variable.getName(), Long.valueOf(variable.getValue()));
                        } catch (NumberFormatException notAnId) {
                            // names no case
                        }
                    }
                });
        Map<String, Long> ordered = new LinkedHashMap<>();
        CASE_VARIABLES.stream().filter(found::containsKey).forEach(name -> ordered.put(name, found.get(name)));
        return ordered;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}

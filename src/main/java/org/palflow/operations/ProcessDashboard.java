package org.palflow.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.palflow.platform.process.CandidateOfCase;
import org.palflow.platform.process.Incidents;
import org.palflow.platform.process.ProcessModels;
import org.palflow.platform.process.ProcessStatistics;
import org.palflow.platform.web.ApiProblem;
import org.palflow.registration.Candidate;
import org.palflow.registration.Candidates;
import org.springframework.stereotype.Service;

/**
 * What the process dashboard shows, from the engine's statistics and the BPMN: per process its totals, per element
 * its counts under the element's name, the cases waiting at an element with their candidate and how long they have
 * waited, and open incidents. Retrying an incident gives a failed job its retries back and resolves it.
 */
@Service
class ProcessDashboard {

    record ProcessLine(ProcessModels.ProcessModel model, long waiting, long pastDeadline, long incidents,
            ProcessStatistics.Throughput throughput) {
    }

    record ElementLine(String elementId, String name, long waiting, long pastDeadline, long incidents,
            long completed) {
    }

    record CaseLine(long processInstanceKey, String caseName, Long candidateId, String candidateName,
            Duration waited, boolean pastDeadline) {
    }

    record IncidentLine(long incidentKey, String elementName, String message, String caseName, Long candidateId,
            String candidateName, Instant createdAt) {
    }

    private final ProcessModels models;
    private final ProcessStatistics statistics;
    private final Incidents incidents;
    private final Candidates candidates;
    private final List<CandidateOfCase> owners;
    private final Clock clock;

    ProcessDashboard(ProcessModels models, ProcessStatistics statistics, Incidents incidents, Candidates candidates,
            List<CandidateOfCase> owners, Clock clock) {
        this.models = models;
        this.statistics = statistics;
        this.incidents = incidents;
        this.candidates = candidates;
        this.owners = owners;
        this.clock = clock;
    }

    List<ProcessLine> processes() {
        return models.all().stream().map(model -> {
            Collection<ProcessStatistics.ElementCounts> counts = statistics.elements(model.id()).values();
            return new ProcessLine(model, counts.stream().mapToLong(ProcessStatistics.ElementCounts::waiting).sum(),
                    counts.stream().mapToLong(ProcessStatistics.ElementCounts::pastDeadline).sum(),
                    counts.stream().mapToLong(ProcessStatistics.ElementCounts::incidents).sum(),
                    statistics.throughput(model.id(), clock.instant()));
        }).toList();
    }

    List<ProcessModels.ProcessModel> models() {
        return models.all();
    }

    ProcessStatistics.Throughput throughput(String processId) {
        return statistics.throughput(model(processId).id(), clock.instant());
    }

    ProcessModels.ProcessModel model(String processId) {
        return models.find(processId).orElseThrow(() -> ApiProblem.notFound("There is no process " + processId + "."));
    }

    /** Every element with something to count, in the diagram's element order. */
    List<ElementLine> elements(String processId) {
        ProcessModels.ProcessModel model = model(processId);
        Map<String, ProcessStatistics.ElementCounts> counts = statistics.elements(processId);
        List<ElementLine> lines = new ArrayList<>();
        model.elementNames().keySet().forEach(elementId -> {
            ProcessStatistics.ElementCounts count = counts.get(elementId);
            if (count != null) {
                lines.add(new ElementLine(elementId, model.nameOf(elementId), count.waiting(), count.pastDeadline(),
                        count.incidents(), count.completed()));
            }
        });
        return lines;
    }

    List<CaseLine> waitingAt(String processId, String elementId) {
        model(processId);
        Instant now = clock.instant();
        List<ProcessStatistics.WaitingCase> waiting = statistics.waitingAt(processId, elementId);
        Map<Long, Optional<Long>> candidateOf = new HashMap<>();
        waiting.forEach(wait -> candidateOf.put(wait.processInstanceKey(), candidateOf(wait.caseVariables())));
        Map<Long, Candidate> named = names(candidateOf.values());
        return waiting.stream().map(wait -> {
            Long candidateId = candidateOf.get(wait.processInstanceKey()).orElse(null);
            return new CaseLine(wait.processInstanceKey(), caseName(wait.caseVariables()), candidateId,
                    nameOf(named, candidateId), Duration.between(wait.since(), now), wait.pastDeadline());
        }).toList();
    }

    List<IncidentLine> incidents(String processId) {
        ProcessModels.ProcessModel model = model(processId);
        List<ProcessStatistics.OpenIncident> open = statistics.incidents(processId);
        Map<Long, Optional<Long>> candidateOf = new HashMap<>();
        open.forEach(incident -> candidateOf.put(incident.incidentKey(), candidateOf(incident.caseVariables())));
        Map<Long, Candidate> named = names(candidateOf.values());
        return open.stream().map(incident -> {
            Long candidateId = candidateOf.get(incident.incidentKey()).orElse(null);
            return new IncidentLine(incident.incidentKey(), model.nameOf(incident.elementId()), incident.message(),
                    caseName(incident.caseVariables()), candidateId, nameOf(named, candidateId), incident.createdAt());
        }).toList();
    }

    /** Retries an open incident of the process; one already resolved (a second click) is refused as such. */
    void retry(String processId, long incidentKey) {
        ProcessStatistics.OpenIncident incident = statistics.incidents(processId).stream()
                .filter(open -> open.incidentKey() == incidentKey).findFirst()
                .orElseThrow(() -> ApiProblem.conflict("Incident " + incidentKey + " is no longer open."));
        if (incident.jobKey() != null) {
            incidents.retry(incident.jobKey(), incidentKey, Incidents.RETRIES);
        } else {
            incidents.resolve(incidentKey);
        }
    }

    private Optional<Long> candidateOf(Map<String, Long> caseVariables) {
        for (var variable : caseVariables.entrySet()) {
            if (variable.getKey().equals("candidateId") || variable.getKey().equals("registrationId")) {
                return Optional.of(variable.getValue());
            }
            for (CandidateOfCase owner : owners) {
                Optional<Long> candidate = owner.candidateOf(variable.getKey(), variable.getValue());
                if (candidate.isPresent()) {
                    return candidate;
                }
            }
        }
        return Optional.empty();
    }

    private Map<Long, Candidate> names(Collection<Optional<Long>> candidateIds) {
        return candidates.byId(candidateIds.stream().flatMap(Optional::stream).distinct().toList());
    }

    private static String nameOf(Map<Long, Candidate> named, Long candidateId) {
        Candidate candidate = candidateId == null ? null : named.get(candidateId);
        return candidate == null ? null : candidate.fullName();
    }

    /** "draft 12": the case's best id, as the API names it. */
    private static String caseName(Map<String, Long> caseVariables) {
        return ProcessStatistics.CASE_VARIABLES.stream().filter(caseVariables::containsKey).findFirst()
                .map(name -> name.replace("Id", "") + " " + caseVariables.get(name)).orElse("");
    }
}

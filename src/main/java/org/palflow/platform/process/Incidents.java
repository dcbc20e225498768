package org.palflow.platform.process;

import io.camunda.client.CamundaClient;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds and resolves the incident a job raised when its retries ran out. On the embedded engine the incident is
 * read from the engine's own records (through {@link ProcessStatistics}); on a cluster, from the Camunda search API
 * (which needs the cluster's secondary storage).
 */
@Component
public class Incidents {

    /** The retries a retried job gets back: as many as the BPMN's service tasks are given. */
    public static final int RETRIES = 3;

    private final CamundaClient camunda;
    private final ProcessStatistics statistics;

    Incidents(CamundaClient camunda, ProcessStatistics statistics) {
        this.camunda = camunda;
        this.statistics = statistics;
    }

    public Optional<Long> openIncidentOfJob(long jobKey) {
        if (statistics instanceof EngineRecordStatistics engineRecords) {
            return engineRecords.openIncidentOfJob(jobKey);
        }
        return camunda.newIncidentSearchRequest().filter(filter -> filter.jobKey(jobKey)).send().join().items()
                .stream().filter(incident -> String.valueOf(incident.getState()).equals("ACTIVE"))
                .map(incident -> incident.getIncidentKey()).findFirst();
    }

    /** Resolves an incident that no job retry fixes (an expression or mapping failed): the engine tries again. */
    public void resolve(long incidentKey) {
        camunda.newResolveIncidentCommand(incidentKey).send().join();
    }

    /** Gives the job its retries back, then resolves the incident so the engine activates the job again. */
    public void retry(long jobKey, long incidentKey, int retries) {
        camunda.newUpdateRetriesCommand(jobKey).retries(retries).send().join();
        camunda.newResolveIncidentCommand(incidentKey).send().join();
    }
}

package org.palflow.platform.process;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.palflow.platform.embedded.EmbeddedZeebeEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Finds and resolves the incident a job raised when its retries ran out. On the embedded engine the incident is
 * read from the engine's own record stream; on a cluster, from the Camunda search API (which needs the cluster's
 * secondary storage).
 */
@Component
public class Incidents {

    private final CamundaClient camunda;
    private final ObjectProvider<EmbeddedZeebeEngine> embedded;

    Incidents(CamundaClient camunda, ObjectProvider<EmbeddedZeebeEngine> embedded) {
        this.camunda = camunda;
        this.embedded = embedded;
    }

    public Optional<Long> openIncidentOfJob(long jobKey) {
        EmbeddedZeebeEngine engine = embedded.getIfAvailable();
        if (engine == null) {
            return camunda.newIncidentSearchRequest().filter(filter -> filter.jobKey(jobKey)).send().join().items()
                    .stream().filter(incident -> String.valueOf(incident.getState()).equals("ACTIVE"))
                    .map(incident -> incident.getIncidentKey()).findFirst();
        }
        Set<Long> resolved = new HashSet<>();
        Long open = null;
        for (Record<?> record : engine.engine().getRecordStreamSource().getRecords()) {
            if (record.getValueType() == ValueType.INCIDENT
                    && ((IncidentRecordValue) record.getValue()).getJobKey() == jobKey) {
                if (record.getIntent() == IncidentIntent.CREATED) {
                    open = record.getKey();
                } else if (record.getIntent() == IncidentIntent.RESOLVED) {
                    resolved.add(record.getKey());
                }
            }
        }
        return Optional.ofNullable(open).filter(key -> !resolved.contains(key));
    }

    /** Gives the job its retries back, then resolves the incident so the engine activates the job again. */
    public void retry(long jobKey, long incidentKey, int retries) {
        camunda.newUpdateRetriesCommand(jobKey).retries(retries).send().join();
        camunda.newResolveIncidentCommand(incidentKey).send().join();
    }
}

package org.palflow.licensure;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The job workers of processes/licensure-decision.bpmn. */
@Component
public class LicensureWorkers {

    private final LicensureService licensure;
    private final ElarHandoffs handoffs;
    private final Duration retryBackoff;

    LicensureWorkers(LicensureService licensure, ElarHandoffs handoffs, LicensureProperties properties) {
        this.licensure = licensure;
        this.handoffs = handoffs;
        this.retryBackoff = properties.retryBackoff();
    }

    @JobWorker(type = "decide-licensure")
    public Map<String, Object> decideLicensure(ActivatedJob job, @VariablesAsType DecisionVariables process) {
        LicensureService.Decided decided = licensure.decide(process.candidateId(), job.getProcessInstanceKey());
        return Map.of("decisionId", decided.decisionId(), "passed", decided.passed(), "handOff", decided.handOff());
    }

    @JobWorker(type = "announce-licensure-decision")
    public void announceLicensureDecision(@VariablesAsType DecisionVariables process) {
        licensure.announce(process.decisionId());
    }

    /** A failed delivery goes back to Zeebe with one retry fewer and a back-off; at none, Zeebe raises an incident. */
    @JobWorker(type = "hand-off-to-elar")
    public void handOffToElar(ActivatedJob job, @VariablesAsType DecisionVariables process) {
        try {
            handoffs.send(process.decisionId(), job.getKey());
        } catch (ElarHandoffs.NotDelivered notDelivered) {
            throw CamundaError.jobError(notDelivered.getMessage(), Map.of(), job.getRetries() - 1, retryBackoff);
        }
    }
}

package org.palflow.drafting;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.palflow.platform.process.EngineHandOff;
import org.palflow.platform.process.ProcessMessages;
import org.springframework.stereotype.Component;

/**
 * Tells a draft's task-drafting process what the candidate and mentor decided, from the events stored with
 * those decisions. Each message id names the round it belongs to, so a repeated event publishes nothing new.
 */
@Component
class DraftingProcess {

    static final String PROCESS_ID = "task-drafting";

    private final CamundaClient camunda;
    private final ProcessMessages messages;
    private final DraftingService drafting;
    private final Duration reminderAfter;
    private final Duration escalationAfter;

    DraftingProcess(CamundaClient camunda, ProcessMessages messages, DraftingService drafting,
            DraftingProperties properties) {
        this.camunda = camunda;
        this.messages = messages;
        this.drafting = drafting;
        this.reminderAfter = properties.reviewReminderAfter();
        this.escalationAfter = properties.reviewEscalationAfter();
    }

    Map<String, Object> variables(long draftId) {
        return Map.of("draftId", draftId, "reviewReminderAfter", reminderAfter.toString(),
                "reviewEscalationAfter", escalationAfter.toString());
    }

    @EngineHandOff
    void on(DraftOpened opened) {
        if (drafting.processStarted(opened.draftId())) {
            return;
        }
        long key = camunda.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
                .variables(variables(opened.draftId())).send().join().getProcessInstanceKey();
        drafting.recordProcessInstance(opened.draftId(), key);
    }

    @EngineHandOff
    void on(ComponentMarkedDone done) {
        messages.publishOnce("component-done", String.valueOf(done.draftId()), "component-done-" + done.draftId()
                + "-" + done.component() + "-" + done.markedDoneAt().toEpochMilli(),
                Map.of("component", done.component()));
    }

    @EngineHandOff
    void on(ComponentReviewed reviewed) {
        messages.publishOnce("component-reviewed", String.valueOf(reviewed.draftId()), "component-reviewed-"
                + reviewed.draftId() + "-" + reviewed.component() + "-" + reviewed.reviewedAt().toEpochMilli(),
                Map.of("approved", reviewed.approved()));
    }

    @EngineHandOff
    void on(DraftSubmitted submitted) {
        messages.publishOnce("draft-submitted", String.valueOf(submitted.draftId()),
                "draft-submitted-" + submitted.draftId(), Map.of("submissionId", submitted.submissionId()));
    }
}

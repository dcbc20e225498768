package org.palflow.drafting;

import io.camunda.client.CamundaClient;
import java.time.Duration;
import java.util.Map;
import org.palflow.platform.process.ProcessMessages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Starts a draft's task-drafting process and tells it what the candidate and mentor decided. */
@Component
class DraftingProcess {

    static final String PROCESS_ID = "task-drafting";

    private final CamundaClient camunda;
    private final ProcessMessages messages;
    private final Duration reminderAfter;
    private final Duration escalationAfter;

    DraftingProcess(CamundaClient camunda, ProcessMessages messages,
            @Value("${pal.drafting.review-reminder-after}") Duration reminderAfter,
            @Value("${pal.drafting.review-escalation-after}") Duration escalationAfter) {
        this.camunda = camunda;
        this.messages = messages;
        this.reminderAfter = reminderAfter;
        this.escalationAfter = escalationAfter;
    }

    Map<String, Object> variables(long draftId) {
        return Map.of("draftId", draftId, "reviewReminderAfter", reminderAfter.toString(),
                "reviewEscalationAfter", escalationAfter.toString());
    }

    void start(TaskDraft draft) {
        camunda.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
                .variables(variables(draft.getId())).send().join();
    }

    void componentDone(DraftMilestone milestone) {
        messages.publishOnce("component-done", String.valueOf(milestone.getDraftId()), "component-done-"
                        + milestone.getDraftId() + "-" + milestone.getComponent() + "-" + milestone.getMarkedDoneAt().toEpochMilli(),
                Map.of("component", milestone.getComponent().name()));
    }

    void componentReviewed(DraftMilestone milestone) {
        messages.publishOnce("component-reviewed", String.valueOf(milestone.getDraftId()), "component-reviewed-"
                        + milestone.getDraftId() + "-" + milestone.getComponent() + "-" + milestone.getReviewedAt().toEpochMilli(),
                Map.of("approved", milestone.getStatus() == DraftMilestone.Status.APPROVED));
    }

    void submitted(TaskSubmission submission) {
        messages.publishOnce("draft-submitted", String.valueOf(submission.getDraftId()),
                "draft-submitted-" + submission.getDraftId(), Map.of("submissionId", submission.getId()));
    }
}

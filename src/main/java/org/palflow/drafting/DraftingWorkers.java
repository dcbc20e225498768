package org.palflow.drafting;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.util.Map;
import org.palflow.platform.process.ProcessMessages;
import org.springframework.stereotype.Component;

/** The job workers of processes/task-drafting.bpmn; each maps variables and calls the workflow service. */
@Component
public class DraftingWorkers {

    static final String TASK_SUBMITTED = "task-submitted";

    private final DraftWorkflow workflow;
    private final ProcessMessages messages;

    DraftingWorkers(DraftWorkflow workflow, ProcessMessages messages) {
        this.workflow = workflow;
        this.messages = messages;
    }

    @JobWorker(type = "open-next-component")
    public Map<String, Object> openNextComponent(@VariablesAsType DraftVariables process) {
        return workflow.nextComponent(process.draftId())
                .<Map<String, Object>>map(component -> Map.of("allComponentsApproved", false, "component", component.name()))
                .orElse(Map.of("allComponentsApproved", true));
    }

    @JobWorker(type = "request-component-review")
    public void requestComponentReview(@VariablesAsType DraftVariables process) {
        workflow.requestReview(process.draftId(), DraftMilestone.Component.valueOf(process.component()));
    }

    @JobWorker(type = "remind-mentor")
    public void remindMentor(@VariablesAsType DraftVariables process) {
        workflow.remindMentor(process.draftId(), DraftMilestone.Component.valueOf(process.component()));
    }

    @JobWorker(type = "tell-coordinator-review-overdue")
    public void tellCoordinatorReviewOverdue(@VariablesAsType DraftVariables process) {
        workflow.tellCoordinatorReviewOverdue(process.draftId(), DraftMilestone.Component.valueOf(process.component()));
    }

    @JobWorker(type = "notify-candidate-of-return")
    public void notifyCandidateOfReturn(@VariablesAsType DraftVariables process) {
        workflow.notifyReturn(process.draftId(), DraftMilestone.Component.valueOf(process.component()));
    }

    /** The message the scoring process (next capability) starts from, once per submission. */
    @JobWorker(type = "announce-submission")
    public void announceSubmission(@VariablesAsType DraftVariables process) {
        TaskSubmission submission = workflow.submissionOf(process.draftId());
        messages.publishOnce(TASK_SUBMITTED, String.valueOf(submission.getId()), TASK_SUBMITTED + "-" + submission.getId(),
                Map.of("submissionId", submission.getId(), "draftId", process.draftId(),
                        "candidateId", submission.getCandidateId(), "task", submission.getTaskNumber(),
                        "handbookVersion", submission.getHandbookVersion()));
    }
}

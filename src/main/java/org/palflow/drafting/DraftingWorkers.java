package org.palflow.drafting;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
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
    public Map<String, Object> openNextComponent(@Variable long draftId) {
        return workflow.nextComponent(draftId)
                .<Map<String, Object>>map(component -> Map.of("allComponentsApproved", false, "component", component.name()))
                .orElse(Map.of("allComponentsApproved", true));
    }

    @JobWorker(type = "request-component-review")
    public void requestComponentReview(@Variable long draftId, @Variable String component) {
        workflow.requestReview(draftId, DraftMilestone.Component.valueOf(component));
    }

    @JobWorker(type = "remind-mentor")
    public void remindMentor(@Variable long draftId, @Variable String component) {
        workflow.remindMentor(draftId, DraftMilestone.Component.valueOf(component));
    }

    @JobWorker(type = "tell-coordinator-review-overdue")
    public void tellCoordinatorReviewOverdue(@Variable long draftId, @Variable String component) {
        workflow.tellCoordinatorReviewOverdue(draftId, DraftMilestone.Component.valueOf(component));
    }

    @JobWorker(type = "notify-candidate-of-return")
    public void notifyCandidateOfReturn(@Variable long draftId, @Variable String component) {
        workflow.notifyReturn(draftId, DraftMilestone.Component.valueOf(component));
    }

    /** The message the scoring process (next capability) starts from, once per submission. */
    @JobWorker(type = "announce-submission")
    public void announceSubmission(@Variable long draftId) {
        TaskSubmission submission = workflow.submissionOf(draftId);
        messages.publishOnce(TASK_SUBMITTED, String.valueOf(submission.getId()), TASK_SUBMITTED + "-" + submission.getId(),
                Map.of("submissionId", submission.getId(), "draftId", draftId,
                        "candidateId", submission.getCandidateId(), "task", submission.getTaskNumber(),
                        "handbookVersion", submission.getHandbookVersion()));
    }
}

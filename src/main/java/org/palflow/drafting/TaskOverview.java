package org.palflow.drafting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.palflow.platform.security.Actor;
import org.palflow.registration.Candidate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A candidate's four tasks at a glance, each by its latest attempt: for their task list and their case's timeline. */
@Service
public class TaskOverview {

    /**
     * One PAL task. Without a draft only {@code task} and {@code title} are set; {@code openComponent} is the
     * component being worked on while drafting; {@code stage} says where a submission stands after drafting.
     */
    public record TaskLine(int task, String title, Long draftId, Instant openedAt, String openComponent,
            List<Approval> approvals, Long submissionId, Instant submittedAt, String stage) {

        public boolean started() {
            return draftId != null;
        }

        public boolean submitted() {
            return submissionId != null;
        }
    }

    public record Approval(String component, Instant approvedAt) {
    }

    private final DraftingService drafting;
    private final DraftWorkflow workflow;
    private final DraftMilestoneRepository milestones;
    private final EvidenceChartCatalog charts;
    private final ObjectProvider<SubmissionStages> stages;

    TaskOverview(DraftingService drafting, DraftWorkflow workflow, DraftMilestoneRepository milestones,
            EvidenceChartCatalog charts, ObjectProvider<SubmissionStages> stages) {
        this.drafting = drafting;
        this.workflow = workflow;
        this.milestones = milestones;
        this.charts = charts;
        this.stages = stages;
    }

    @Transactional(readOnly = true)
    public List<TaskLine> of(Candidate candidate, Actor actor) {
        Map<Integer, TaskDraft> latest = drafting.draftsOf(candidate.id(), actor).stream()
                .collect(Collectors.toMap(TaskDraft::getTaskNumber, Function.identity(), (older, newer) -> newer));
        return IntStream.rangeClosed(1, 4).mapToObj(task -> line(task, latest.get(task), candidate)).toList();
    }

    private TaskLine line(int task, TaskDraft draft, Candidate candidate) {
        String title = charts.chart(draft == null ? candidate.handbookVersion() : draft.getHandbookVersion(), task)
                .map(EvidenceChart::title).orElse("Task " + task);
        if (draft == null) {
            return new TaskLine(task, title, null, null, null, List.of(), null, null, null);
        }
        List<DraftMilestone> components = milestones.findByDraftIdOrderBySequence(draft.getId());
        List<Approval> approvals = components.stream()
                .filter(milestone -> milestone.getStatus() == DraftMilestone.Status.APPROVED)
                .map(milestone -> new Approval(milestone.getComponent().label(), milestone.getReviewedAt()))
                .toList();
        if (draft.getStatus() == TaskDraft.Status.DRAFTING) {
            String open = DraftMilestone.openComponent(components).map(DraftMilestone.Component::label).orElse(null);
            return new TaskLine(task, title, draft.getId(), draft.getCreatedAt(), open, approvals, null, null, null);
        }
        TaskSubmission submission = workflow.submissionOf(draft.getId());
        String stage = stages.orderedStream().map(stages -> stages.stageOf(submission.getId()))
                .flatMap(Optional::stream).findFirst().orElse("Submitted");
        return new TaskLine(task, title, draft.getId(), draft.getCreatedAt(), null, approvals, submission.getId(),
                submission.getSubmittedAt(), stage);
    }
}

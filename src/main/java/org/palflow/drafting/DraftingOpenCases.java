package org.palflow.drafting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.palflow.platform.process.OpenCases;
import org.palflow.platform.process.ResumePoint;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open drafts resume in both branches: waiting for submission, and at the component the database says is open.
 * Review timers start afresh from the restart.
 */
@Component
class DraftingOpenCases implements OpenCases {

    private final TaskDraftRepository drafts;
    private final DraftMilestoneRepository milestones;
    private final DraftingProcess process;

    DraftingOpenCases(TaskDraftRepository drafts, DraftMilestoneRepository milestones, DraftingProcess process) {
        this.drafts = drafts;
        this.milestones = milestones;
        this.process = process;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResumePoint> resumePoints() {
        List<ResumePoint> points = new ArrayList<>();
        for (TaskDraft draft : drafts.findByStatus(TaskDraft.Status.DRAFTING)) {
            if (!draft.processStarted()) {
                continue; // its stored start event starts it
            }
            List<String> elements = new ArrayList<>(List.of("await-submission"));
            Map<String, Object> variables = new java.util.HashMap<>(process.variables(draft.getId()));
            milestones.findByDraftIdOrderBySequence(draft.getId()).stream()
                    .filter(milestone -> milestone.getStatus() != DraftMilestone.Status.APPROVED)
                    .findFirst()
                    .ifPresent(open -> {
                        variables.put("component", open.getComponent().name());
                        elements.add(open.getStatus() == DraftMilestone.Status.MARKED_DONE
                                ? "await-component-review" : "await-component-done");
                    });
            points.add(new ResumePoint(DraftingProcess.PROCESS_ID, elements, variables));
        }
        return points;
    }
}

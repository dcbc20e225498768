package org.palflow.scoring;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import java.util.HashMap;
import java.util.Map;
import org.palflow.scoring.ScoringAssignment.Purpose;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The job workers of processes/task-scoring.bpmn and processes/rescoring.bpmn; the logic is in ScoringService. */
@Component
public class ScoringWorkers {

    /** Carries the reason and, for the retry timer of both processes, how long to wait before trying again. */
    static final String NO_ELIGIBLE_SCORER = "no-eligible-scorer";

    private final ScoringService scoring;
    private final String assignmentRetry;

    ScoringWorkers(ScoringService scoring, @Value("${pal.scoring.assignment-retry}") String assignmentRetry) {
        this.scoring = scoring;
        this.assignmentRetry = assignmentRetry;
    }

    @JobWorker(type = "place-in-window")
    public Map<String, Object> placeInWindow(@Variable long submissionId) {
        ScoringService.Placement placement = scoring.place(submissionId);
        Map<String, Object> variables = new HashMap<>();
        variables.put("inWindow", placement.windowId() != null);
        variables.put("purpose", Purpose.FIRST.name());
        if (placement.windowId() != null) {
            variables.put("windowId", placement.windowId());
            variables.put("windowClosesAt", placement.closesAt().toString());
            variables.put("scoreReportAt", placement.reportsAt().toString());
        }
        return variables;
    }

    @JobWorker(type = "assign-scorer")
    public Map<String, Object> assignScorer(@Variable long submissionId, @Variable(name = "purpose") String purpose) {
        try {
            ScoringService.Assigned assigned = scoring.assign(submissionId,
                    purpose == null ? Purpose.FIRST : Purpose.valueOf(purpose));
            return Map.of("assignmentId", assigned.assignmentId(), "assignmentKey",
                    String.valueOf(assigned.assignmentId()), "scoringDueAt", assigned.dueAt().toString(),
                    "scoringEscalateAt", assigned.escalateAt().toString());
        } catch (ScoringService.NoEligibleScorer none) {
            throw CamundaError.bpmnError(NO_ELIGIBLE_SCORER, none.getMessage(),
                    Map.of("noScorerReason", none.getMessage(), "assignmentRetry", assignmentRetry));
        }
    }

    @JobWorker(type = "tell-admin-no-scorer")
    public void tellAdminNoScorer(@Variable long submissionId, @Variable String noScorerReason) {
        scoring.tellAdminNoScorer(submissionId, noScorerReason);
    }

    @JobWorker(type = "remind-scorer")
    public void remindScorer(@Variable long assignmentId) {
        scoring.remindScorer(assignmentId);
    }

    @JobWorker(type = "escalate-late-scorer")
    public void escalateLateScorer(@Variable long assignmentId) {
        scoring.escalateLateScorer(assignmentId);
    }

    @JobWorker(type = "decide-next-scoring")
    public Map<String, Object> decideNextScoring(@Variable long submissionId) {
        String next = scoring.nextScoring(submissionId);
        return Map.of("nextScoring", next, "purpose", next);
    }

    @JobWorker(type = "release-score-report")
    public void releaseScoreReport(@Variable long submissionId) {
        scoring.release(submissionId);
    }

    @JobWorker(type = "decide-rescoring")
    public Map<String, Object> decideRescoring(@Variable long submissionId) {
        return Map.of("rescoringChanged", scoring.decideRescoring(submissionId).changed());
    }
}

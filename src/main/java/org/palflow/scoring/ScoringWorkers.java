package org.palflow.scoring;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.exception.CamundaError;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The job workers of processes/task-scoring.bpmn and processes/rescoring.bpmn; each maps variables and calls the
 * service that holds the step: placement, assignment, release, rescoring.
 */
@Component
public class ScoringWorkers {

    /** Carries the reason and, for the retry timer of both processes, how long to wait before trying again. */
    static final String NO_ELIGIBLE_SCORER = "no-eligible-scorer";

    private final ScoringCases cases;
    private final ScorerAssignments assignments;
    private final ScoreRelease release;
    private final Rescorings rescorings;
    private final ScoringProperties properties;

    ScoringWorkers(ScoringCases cases, ScorerAssignments assignments, ScoreRelease release, Rescorings rescorings,
            ScoringProperties properties) {
        this.cases = cases;
        this.assignments = assignments;
        this.release = release;
        this.rescorings = rescorings;
        this.properties = properties;
    }

    @JobWorker(type = "place-in-window")
    public Map<String, Object> placeInWindow(@VariablesAsType ScoringVariables process) {
        ScoringCases.Placement placement = cases.place(process.submissionId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("inWindow", placement.windowId() != null);
        variables.put("purpose", ScoringPurpose.FIRST.name());
        if (placement.windowId() != null) {
            variables.put("windowId", placement.windowId());
            variables.put("windowClosesAt", placement.closesAt().toString());
            variables.put("scoreReportAt", placement.reportsAt().toString());
        }
        return variables;
    }

    @JobWorker(type = "assign-scorer")
    public Map<String, Object> assignScorer(@VariablesAsType ScoringVariables process) {
        try {
            ScorerAssignments.Assigned assigned = assignments.assign(process.submissionId(),
                    process.purpose() == null ? ScoringPurpose.FIRST : ScoringPurpose.valueOf(process.purpose()));
            return Map.of("assignmentId", assigned.assignmentId(), "assignmentKey",
                    String.valueOf(assigned.assignmentId()), "scoringDueAt", assigned.dueAt().toString(),
                    "scoringEscalateAt", assigned.escalateAt().toString());
        } catch (ScorerAssignments.NoEligibleScorer none) {
            throw CamundaError.bpmnError(NO_ELIGIBLE_SCORER, none.getMessage(), Map.of("noScorerReason",
                    none.getMessage(), "assignmentRetry", properties.assignmentRetry().toString()));
        }
    }

    @JobWorker(type = "tell-admin-no-scorer")
    public void tellAdminNoScorer(@VariablesAsType ScoringVariables process) {
        assignments.tellAdminNoScorer(process.submissionId(), process.noScorerReason());
    }

    @JobWorker(type = "remind-scorer")
    public void remindScorer(@VariablesAsType ScoringVariables process) {
        assignments.remindScorer(process.assignmentId());
    }

    @JobWorker(type = "escalate-late-scorer")
    public void escalateLateScorer(@VariablesAsType ScoringVariables process) {
        assignments.escalateLateScorer(process.assignmentId());
    }

    @JobWorker(type = "decide-next-scoring")
    public Map<String, Object> decideNextScoring(@VariablesAsType ScoringVariables process) {
        String next = release.nextScoring(process.submissionId());
        return Map.of("nextScoring", next, "purpose", next);
    }

    @JobWorker(type = "release-score-report")
    public void releaseScoreReport(@VariablesAsType ScoringVariables process) {
        release.release(process.submissionId());
    }

    @JobWorker(type = "decide-rescoring")
    public Map<String, Object> decideRescoring(@VariablesAsType ScoringVariables process) {
        return Map.of("rescoringChanged", rescorings.decide(process.submissionId()).changed());
    }
}

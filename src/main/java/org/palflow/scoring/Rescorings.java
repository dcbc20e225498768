package org.palflow.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The verdict of a rescoring: a correction that points at the original, or the original confirmed. */
@Service
class Rescorings {

    private final TaskScoreRepository taskScores;
    private final ScoringAssignmentRepository assignments;
    private final RescoringRequestRepository requests;
    private final ScoringRules rules;
    private final StoredResults stored;
    private final ScoreNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Rescorings(TaskScoreRepository taskScores, ScoringAssignmentRepository assignments,
            RescoringRequestRepository requests, ScoringRules rules, StoredResults stored, ScoreNotices notices,
            ApplicationEventPublisher events, Clock clock) {
        this.taskScores = taskScores;
        this.assignments = assignments;
        this.requests = requests;
        this.rules = rules;
        this.stored = stored;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
    }

    /** A new released row when the rescoring changes the result; the original confirmed otherwise. */
    @Transactional
    ScoringRules.RescoringOutcome decide(long submissionId) {
        // Always against the first released result: a redelivered job must reach the same verdict, not compare
        // the rescoring with the correction it already made.
        List<TaskScore> chain = taskScores.findBySubmissionIdOrderByIdAsc(submissionId);
        TaskScore original = chain.get(0);
        ScoringAssignment rescoring = assignments.findBySubmissionIdAndPurpose(submissionId, ScoringPurpose.RESCORING)
                .orElseThrow();
        ScoringRules.RescoringOutcome outcome = rules.afterRescoring(stored.read(original.getResult()),
                stored.read(rescoring.getResult()));
        requests.findById(submissionId).ifPresent(request -> request.decide(outcome.changed(), outcome.basis()));
        if (!outcome.changed()) {
            notices.tell("rescoring-confirmed-" + submissionId, original, "Your PAL Task " + original.getTask()
                    + " rescoring", "Rescoring confirmed your Task " + original.getTask() + " result: GET "
                    + "/api/submissions/" + submissionId + "/score-report");
        } else if (chain.size() == 1) {
            TaskScore amended = taskScores.saveAndFlush(new TaskScore(submissionId, original.getCandidateId(),
                    original.getTask(), outcome.standing().taskScore(), stored.write(outcome.standing()),
                    outcome.basis(), original.getId(), original.getReportDate(), original.getValidUntil(),
                    Instant.now(clock)));
            events.publishEvent(new TaskScoreChanged(amended.getCandidateId(), amended.getId()));
            notices.tell("score-report-" + amended.getId(), amended, "Your amended PAL Task " + amended.getTask()
                    + " score report", "Rescoring changed your Task " + amended.getTask() + " result: GET "
                    + "/api/submissions/" + submissionId + "/score-report");
        }
        return outcome;
    }
}

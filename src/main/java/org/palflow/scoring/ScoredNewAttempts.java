package org.palflow.scoring;

import org.palflow.drafting.NewAttempts;
import org.palflow.platform.time.PalCalendar;
import org.palflow.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * A task may be drafted again once its last submission is settled and did not pass: below the threshold,
 * Incomplete, voided, or expired. A passing, valid score needs no new attempt; work still in scoring waits.
 */
@Component
class ScoredNewAttempts implements NewAttempts {

    private final ScoringCaseRepository cases;
    private final TaskScoreRepository taskScores;
    private final PalCalendar calendar;

    ScoredNewAttempts(ScoringCaseRepository cases, TaskScoreRepository taskScores, PalCalendar calendar) {
        this.cases = cases;
        this.taskScores = taskScores;
        this.calendar = calendar;
    }

    @Override
    public void checkMayDraftAgain(long candidateId, int task, long lastSubmissionId) {
        ScoringCase scoringCase = cases.findById(lastSubmissionId).orElseThrow(() -> ApiProblem.conflict("Task " + task
                + " was submitted and waits for its scoring window; it can be drafted again once it is scored."));
        if (scoringCase.getStatus() == ScoringCase.Status.VOIDED) {
            return;
        }
        if (scoringCase.getStatus() != ScoringCase.Status.REPORTED) {
            throw ApiProblem.conflict("Task " + task + " is still in scoring ("
                    + scoringCase.getStatus().name().toLowerCase().replace('_', ' ')
                    + "); it can be drafted again once its score is reported.");
        }
        ScoreStanding standing = taskScores.current(lastSubmissionId).orElseThrow().standing();
        if (standing.standsOn(calendar.today())) {
            throw ApiProblem.conflict("Task " + task + " scored " + standing.taskScore() + ", which meets the "
                    + ScoreStanding.threshold() + " threshold and is valid until " + standing.expiresOn()
                    + "; it need not be drafted again.");
        }
    }
}

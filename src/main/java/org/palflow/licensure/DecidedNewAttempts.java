package org.palflow.licensure;

import org.palflow.drafting.NewAttempts;
import org.palflow.platform.time.PalCalendar;
import org.palflow.platform.web.ApiProblem;
import org.palflow.scoring.ScoreStanding;
import org.springframework.stereotype.Component;

/**
 * A task may be drafted again when the licensure rules, applied today, name it to redo: it has no valid passing
 * score, or every task passes but the mean falls short of 2.75 (then any task). A task whose score stands and
 * is not needed to raise the mean is refused, with its score and the last day it counts.
 */
@Component
class DecidedNewAttempts implements NewAttempts {

    private final LicensureService licensure;
    private final PalCalendar calendar;

    DecidedNewAttempts(LicensureService licensure, PalCalendar calendar) {
        this.licensure = licensure;
        this.calendar = calendar;
    }

    @Override
    public void checkMayDraftAgain(long candidateId, int task, long lastSubmissionId) {
        var attempts = licensure.attemptsOf(candidateId);
        LicensureRules.Decision decision = LicensureRules.decide(attempts, calendar.today());
        if (decision.tasksToRedo().contains(task)) {
            return;
        }
        long counted = decision.countedSubmissions().get(task - 1);
        LicensureRules.Attempt attempt = attempts.stream().filter(each -> each.submissionId() == counted)
                .findFirst().orElseThrow();
        throw ApiProblem.conflict("Task " + task + " scored " + ScoreStanding.shown(attempt.taskScore()) + ", which meets the "
                + ScoreStanding.threshold() + " threshold and is valid through " + attempt.standing().validThrough()
                + "; it need not be drafted again.");
    }
}

package org.palflow.scoring;

import org.palflow.drafting.NewAttempts;
import org.palflow.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * A task may be drafted again once its last submission is settled: reported or voided. Work still in scoring
 * waits. Whether a reported score still needs a new attempt is licensure's to say (its rules name the tasks to redo).
 */
@Component
class ScoredNewAttempts implements NewAttempts {

    private final ScoringCaseRepository cases;

    ScoredNewAttempts(ScoringCaseRepository cases) {
        this.cases = cases;
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
    }
}

package org.palflow.originality;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.util.Map;
import org.palflow.scoring.ScoringCases;
import org.springframework.stereotype.Component;

/** The originality steps of processes/task-scoring.bpmn. */
@Component
public class OriginalityWorkers {

    private final OriginalityScreening screening;
    private final AdministrativeReviews reviews;
    private final ScoringCases scoring;

    OriginalityWorkers(OriginalityScreening screening, AdministrativeReviews reviews, ScoringCases scoring) {
        this.screening = screening;
        this.reviews = reviews;
        this.scoring = scoring;
    }

    @JobWorker(type = "screen-originality")
    public Map<String, Object> screenOriginality(@VariablesAsType ScreeningVariables process) {
        scoring.screening(process.submissionId());
        boolean nearDuplicate = screening.screen(process.submissionId());
        if (nearDuplicate) {
            scoring.heldForReview(process.submissionId());
        }
        return Map.of("nearDuplicate", nearDuplicate);
    }

    @JobWorker(type = "open-administrative-review")
    public void openAdministrativeReview(@VariablesAsType ScreeningVariables process) {
        reviews.announce(process.submissionId());
    }

    @JobWorker(type = "notify-review-outcome")
    public Map<String, Object> notifyReviewOutcome(@VariablesAsType ScreeningVariables process) {
        AdministrativeReview.Status outcome = reviews.notifyCandidate(process.submissionId());
        if (outcome == AdministrativeReview.Status.VOIDED) {
            scoring.voided(process.submissionId());
        }
        return Map.of("reviewOutcome", outcome.name());
    }
}

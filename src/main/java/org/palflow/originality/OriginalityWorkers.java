package org.palflow.originality;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;
import org.palflow.scoring.ScoringCase;
import org.palflow.scoring.ScoringService;
import org.springframework.stereotype.Component;

/** The originality steps of processes/task-scoring.bpmn. */
@Component
public class OriginalityWorkers {

    private final OriginalityScreening screening;
    private final AdministrativeReviews reviews;
    private final ScoringService scoring;

    OriginalityWorkers(OriginalityScreening screening, AdministrativeReviews reviews, ScoringService scoring) {
        this.screening = screening;
        this.reviews = reviews;
        this.scoring = scoring;
    }

    @JobWorker(type = "screen-originality")
    public Map<String, Object> screenOriginality(@Variable long submissionId) {
        scoring.moveCase(submissionId, ScoringCase.Status.SCREENING);
        boolean nearDuplicate = screening.screen(submissionId);
        if (nearDuplicate) {
            scoring.moveCase(submissionId, ScoringCase.Status.IN_REVIEW);
        }
        return Map.of("nearDuplicate", nearDuplicate);
    }

    @JobWorker(type = "open-administrative-review")
    public void openAdministrativeReview(@Variable long submissionId) {
        reviews.announce(submissionId);
    }

    @JobWorker(type = "notify-review-outcome")
    public Map<String, Object> notifyReviewOutcome(@Variable long submissionId) {
        AdministrativeReview.Status outcome = reviews.notifyCandidate(submissionId);
        if (outcome == AdministrativeReview.Status.VOIDED) {
            scoring.moveCase(submissionId, ScoringCase.Status.VOIDED);
        }
        return Map.of("reviewOutcome", outcome.name());
    }
}

package org.palflow.originality;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.palflow.drafting.NewAttempts;
import org.palflow.platform.web.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** A submission voided with a waiting period: the task may not be drafted again before the period ends. */
@Component
class ReviewedNewAttempts implements NewAttempts {

    private final AdministrativeReviewRepository reviews;
    private final Clock clock;
    private final ZoneId zone;

    ReviewedNewAttempts(AdministrativeReviewRepository reviews, Clock clock, @Value("${pal.zone}") ZoneId zone) {
        this.reviews = reviews;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void checkMayDraftAgain(long candidateId, int task, long lastSubmissionId) {
        reviews.findById(lastSubmissionId)
                .filter(review -> review.getStatus() == AdministrativeReview.Status.VOIDED)
                .filter(review -> review.getResubmitAfter() != null
                        && !LocalDate.ofInstant(clock.instant(), zone).isAfter(review.getResubmitAfter()))
                .ifPresent(review -> {
                    throw ApiProblem.conflict("Task " + task + " was voided after administrative review; it may be "
                            + "drafted again after " + review.getResubmitAfter() + ".");
                });
    }
}

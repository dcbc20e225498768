package org.palflow.originality;

import org.palflow.drafting.NewAttempts;
import org.palflow.platform.time.PalCalendar;
import org.palflow.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

/** A submission voided with a waiting period: the task may not be drafted again before the period ends. */
@Component
class ReviewedNewAttempts implements NewAttempts {

    private final AdministrativeReviewRepository reviews;
    private final PalCalendar calendar;

    ReviewedNewAttempts(AdministrativeReviewRepository reviews, PalCalendar calendar) {
        this.reviews = reviews;
        this.calendar = calendar;
    }

    @Override
    public void checkMayDraftAgain(long candidateId, int task, long lastSubmissionId) {
        reviews.findById(lastSubmissionId)
                .filter(review -> review.getStatus() == AdministrativeReview.Status.VOIDED)
                .filter(review -> review.getResubmitAfter() != null
                        && !calendar.today().isAfter(review.getResubmitAfter()))
                .ifPresent(review -> {
                    throw ApiProblem.conflict("Task " + task + " was voided after administrative review; it may be "
                            + "drafted again after " + review.getResubmitAfter() + ".");
                });
    }
}

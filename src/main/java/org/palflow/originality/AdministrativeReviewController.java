package org.palflow.originality;

import java.util.List;
import org.palflow.platform.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins: the submissions held for review, both passages side by side, and the decision. */
@RestController
@RequestMapping("/api/admin/reviews")
@PreAuthorize("hasRole('admin')")
class AdministrativeReviewController {

    record ReviewView(long submissionId, long matchedSubmissionId, int sharedFingerprints, String submissionPassage,
            String matchedPassage, String status, java.time.LocalDate resubmitAfter, String note, String decidedBy) {

        static ReviewView of(AdministrativeReview review) {
            return new ReviewView(review.getSubmissionId(), review.getMatchedSubmissionId(),
                    review.getSharedFingerprints(), review.getSubmissionPassage(), review.getMatchedPassage(),
                    review.getStatus().name(), review.getResubmitAfter(), review.getNote(), review.getDecidedBy());
        }
    }

    private final AdministrativeReviews reviews;

    AdministrativeReviewController(AdministrativeReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping
    List<ReviewView> open() {
        return reviews.open().stream().map(ReviewView::of).toList();
    }

    @GetMapping("/{submissionId}")
    ReviewView review(@PathVariable long submissionId) {
        return ReviewView.of(reviews.review(submissionId));
    }

    @PostMapping("/{submissionId}/decision")
    ReviewView decide(@PathVariable long submissionId, @RequestBody AdministrativeReviews.Decision decision) {
        return ReviewView.of(reviews.decide(submissionId, decision, Actor.current()));
    }
}

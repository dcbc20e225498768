package org.palflow.originality;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.palflow.platform.web.PageActions;
import org.palflow.platform.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrative reviews in the browser: the open ones, and each with both passages side by side, the words they
 * share highlighted, and the decision: clear, void, or void with a date before which the task may not come back.
 */
@PageController
@PreAuthorize("hasRole('admin')")
class AdministrativeReviewPages {

    private final AdministrativeReviews reviews;

    AdministrativeReviewPages(AdministrativeReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/admin/reviews")
    String open(Model model) {
        model.addAttribute("reviews", reviews.open());
        return "originality/reviews";
    }

    @GetMapping("/admin/reviews/{submissionId}")
    String review(@PathVariable long submissionId, Model model) {
        AdministrativeReview review = reviews.review(submissionId);
        model.addAttribute("review", review);
        model.addAttribute("submissionPassage", SharedWords.in(review.getSubmissionPassage(), review.getMatchedPassage()));
        model.addAttribute("matchedPassage", SharedWords.in(review.getMatchedPassage(), review.getSubmissionPassage()));
        return "originality/review";
    }

    @PostMapping("/admin/reviews/{submissionId}/decision")
    String decide(@PathVariable long submissionId, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String resubmitAfter, @RequestParam(required = false) String note,
            @RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return PageActions.run(() -> reviews.decide(submissionId, decision(outcome, resubmitAfter, note),
                        Actor.current()), form,
                "The review is decided; the candidate is told and the submission goes on as decided.",
                "/admin/reviews/" + submissionId, redirect);
    }

    /** The form's outcome: CLEARED, VOIDED, or VOIDED_WAITING with the date. */
    private static AdministrativeReviews.Decision decision(String outcome, String resubmitAfter, String note) {
        String blankNote = note == null || note.isBlank() ? null : note.strip();
        if ("CLEARED".equals(outcome)) {
            return new AdministrativeReviews.Decision(AdministrativeReview.Status.CLEARED, null, blankNote);
        }
        if ("VOIDED".equals(outcome)) {
            return new AdministrativeReviews.Decision(AdministrativeReview.Status.VOIDED, null, blankNote);
        }
        if ("VOIDED_WAITING".equals(outcome)) {
            try {
                return new AdministrativeReviews.Decision(AdministrativeReview.Status.VOIDED,
                        LocalDate.parse(resubmitAfter == null ? "" : resubmitAfter), blankNote);
            } catch (DateTimeParseException notADate) {
                throw ApiProblem.invalid("A void with a waiting period needs the date the task may come back.",
                        java.util.List.of(java.util.Map.of("field", "resubmitAfter", "message", "must be a date")));
            }
        }
        throw ApiProblem.invalid("Choose how the review ends: clear, void, or void with a waiting period.",
                java.util.List.of(java.util.Map.of("field", "outcome", "message", "must be chosen")));
    }
}

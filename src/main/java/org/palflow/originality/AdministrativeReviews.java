package org.palflow.originality;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.palflow.drafting.SubmittedEvidence;
import org.palflow.platform.PlatformProperties;
import org.palflow.platform.mail.Notifier;
import org.palflow.platform.process.EngineHandOff;
import org.palflow.platform.process.ProcessMessages;
import org.palflow.platform.security.Actor;
import org.palflow.platform.time.PalCalendar;
import org.palflow.platform.web.ApiProblem;
import org.palflow.registration.Candidates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrative review of a near-duplicate: an admin reads both passages side by side and clears the submission,
 * voids it, or voids it with a date before which the candidate may not submit again. The candidate hears the
 * outcome, never who the other candidate was.
 */
@Service
public class AdministrativeReviews {

    /** The size of {@code administrative_review.note}. */
    static final int MAX_NOTE = 2000;

    static final String REVIEW_DECIDED = "review-decided";

    public record Decision(AdministrativeReview.Status outcome, LocalDate resubmitAfter, String note) {
    }

    private final AdministrativeReviewRepository reviews;
    private final SubmittedEvidence evidence;
    private final Candidates candidates;
    private final Notifier notifier;
    private final ProcessMessages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PalCalendar calendar;
    private final String adminEmail;

    AdministrativeReviews(AdministrativeReviewRepository reviews, SubmittedEvidence evidence,
            Candidates candidates, Notifier notifier, ProcessMessages messages,
            ApplicationEventPublisher events, Clock clock,
            PalCalendar calendar, PlatformProperties platform) {
        this.reviews = reviews;
        this.evidence = evidence;
        this.candidates = candidates;
        this.notifier = notifier;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
        this.calendar = calendar;
        this.adminEmail = platform.adminEmail();
    }

    public List<AdministrativeReview> open() {
        return reviews.findByStatusOrderByOpenedAtAsc(AdministrativeReview.Status.OPEN);
    }

    public AdministrativeReview review(long submissionId) {
        return reviews.findById(submissionId).orElseThrow(() -> notUnderReview(submissionId));
    }

    private static ApiProblem notUnderReview(long submissionId) {
        return ApiProblem.notFound("Submission " + submissionId + " is not under review.");
    }

    /** Tells the admin, unless the review was decided already (the job delivered again after a decision). */
    @Transactional
    public void announce(long submissionId) {
        AdministrativeReview review = review(submissionId);
        if (review.getStatus() != AdministrativeReview.Status.OPEN) {
            return;
        }
        notifier.send("review-opened-" + submissionId, adminEmail, "A PAL submission needs administrative review",
                "Submission " + submissionId + " shares " + review.getSharedFingerprints() + " passages' fingerprints "
                        + "with submission " + review.getMatchedSubmissionId() + ". Compare them and decide: "
                        + "GET /api/admin/reviews/" + submissionId);
    }

    /** The same decision sent again answers with the review as decided; a different one is refused. */
    @Transactional
    public AdministrativeReview decide(long submissionId, Decision decision, Actor admin) {
        AdministrativeReview review = reviews.lockById(submissionId).orElseThrow(() -> notUnderReview(submissionId));
        if (review.getStatus() != AdministrativeReview.Status.OPEN) {
            if (review.getStatus() == decision.outcome()
                    && java.util.Objects.equals(review.getResubmitAfter(), decision.resubmitAfter())) {
                return review;
            }
            throw ApiProblem.conflict("Submission " + submissionId + " was already reviewed: "
                    + review.getStatus().name().toLowerCase() + ".");
        }
        if (decision.outcome() == null || decision.outcome() == AdministrativeReview.Status.OPEN) {
            throw ApiProblem.invalid("The decision is not valid.", List.of("outcome must be CLEARED or VOIDED"));
        }
        if (decision.resubmitAfter() != null && (decision.outcome() != AdministrativeReview.Status.VOIDED
                || !decision.resubmitAfter().isAfter(calendar.today()))) {
            throw ApiProblem.invalid("The decision is not valid.", List.of(
                    "resubmitAfter goes only with VOIDED, and must be a date after today"));
        }
        ApiProblem.requireAtMost(MAX_NOTE, "note", decision.note());
        review.decide(decision.outcome(), decision.resubmitAfter(), decision.note(), admin.username(),
                Instant.now(clock));
        events.publishEvent(new ReviewDecided(submissionId, decision.outcome()));
        return review;
    }

    @EngineHandOff
    void on(ReviewDecided decided) {
        messages.publishOnce(REVIEW_DECIDED, String.valueOf(decided.submissionId()),
                REVIEW_DECIDED + "-" + decided.submissionId(), Map.of("reviewOutcome", decided.outcome().name()));
    }

    /** Tells the candidate how the review ended; never the other candidate's identity. */
    @Transactional
    public AdministrativeReview.Status notifyCandidate(long submissionId) {
        AdministrativeReview review = review(submissionId);
        SubmittedEvidence.Submission submission = evidence.submission(submissionId);
        String outcome = switch (review.getStatus()) {
            case CLEARED -> "Your Task " + submission.task() + " submission was reviewed and cleared; it goes on to "
                    + "scoring.";
            case VOIDED -> "Your Task " + submission.task() + " submission was reviewed and voided: it shares "
                    + "passages with other work and will not be scored."
                    + (review.getResubmitAfter() == null ? ""
                            : " You may submit this task again after " + review.getResubmitAfter() + ".");
            case OPEN -> throw new IllegalStateException("Review of " + submissionId + " is not decided");
        };
        candidates.find(submission.candidateId()).ifPresent(candidate -> notifier.send(
                "review-outcome-" + submissionId, candidate.email(), "Administrative review of your PAL submission",
                outcome));
        return review.getStatus();
    }
}

package org.palflow.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.palflow.drafting.SubmittedEvidence;
import org.palflow.platform.time.PalCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A submission's scoring case: placed in the first window that takes it, and moved from step to step. */
@Service
public class ScoringCases {

    /** Where the submission waits: in a window (with its dates), or for one to be defined. */
    public record Placement(Long windowId, Instant closesAt, Instant reportsAt) {
    }

    private final ScoringCaseRepository cases;
    private final ScoringWindows windows;
    private final ScoringWindowRepository windowRepository;
    private final SubmittedEvidence evidence;
    private final Clock clock;
    private final PalCalendar calendar;

    ScoringCases(ScoringCaseRepository cases, ScoringWindows windows, ScoringWindowRepository windowRepository,
            SubmittedEvidence evidence, Clock clock, PalCalendar calendar) {
        this.cases = cases;
        this.windows = windows;
        this.windowRepository = windowRepository;
        this.evidence = evidence;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** Opens the case if need be and places it; a case already placed keeps its window. */
    @Transactional
    public Placement place(long submissionId) {
        SubmittedEvidence.Submission submission = evidence.submission(submissionId);
        ScoringCase scoringCase = cases.findById(submissionId).orElseGet(() -> cases.save(new ScoringCase(
                submissionId, submission.candidateId(), submission.task(), submission.handbookVersion(),
                Instant.now(clock))));
        Optional<ScoringWindow> window = scoringCase.getWindowId() != null
                ? windowRepository.findById(scoringCase.getWindowId())
                : windows.windowFor(submission.handbookVersion(), submission.task(), submission.submittedAt());
        if (window.isEmpty()) {
            return new Placement(null, null, null);
        }
        if (scoringCase.getWindowId() == null) {
            scoringCase.placeIn(window.get().getId(), Instant.now(clock));
        }
        return new Placement(window.get().getId(), window.get().closesAt(calendar), window.get().reportsAt(calendar));
    }

    /** Originality screening has the case, after its window's deadline. */
    @Transactional
    public void screening(long submissionId) {
        move(submissionId, ScoringCase.Status.SCREENING);
    }

    /** A near-duplicate waits for an admin's review. */
    @Transactional
    public void heldForReview(long submissionId) {
        move(submissionId, ScoringCase.Status.IN_REVIEW);
    }

    /** Voided by review: it will not be scored. */
    @Transactional
    public void voided(long submissionId) {
        move(submissionId, ScoringCase.Status.VOIDED);
    }

    @Transactional
    void move(long submissionId, ScoringCase.Status status) {
        cases.findById(submissionId).ifPresent(scoringCase -> scoringCase.move(status, Instant.now(clock)));
    }
}

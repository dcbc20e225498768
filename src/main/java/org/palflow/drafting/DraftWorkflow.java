package org.palflow.drafting;

import org.palflow.program.Programs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.palflow.mentoring.MentoringQueries;
import org.palflow.mentoring.MentoringView;
import org.palflow.platform.mail.Notifier;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.palflow.registration.Candidate;
import org.palflow.registration.Candidates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of processes/task-drafting.bpmn: components marked done and reviewed, the reminders, and submission.
 * Each person's decision is recorded here with an event that tells the process, in the same transaction.
 */
@Service
public class DraftWorkflow {

    /** The size of {@code draft_milestone.mentor_comment}. */
    static final int MAX_REVIEW_COMMENT = 2000;

    private final DraftingService drafting;
    private final DraftMilestoneRepository milestones;
    private final TaskDraftRepository drafts;
    private final TaskSubmissionRepository submissions;
    private final SubmissionFileRepository submissionFiles;
    private final Candidates candidates;
    private final Programs programs;
    private final MentoringQueries mentoring;
    private final Notifier notifier;
    private final ReadinessReports readiness;
    private final EvidenceTexts texts;
    private final Duration readingWait;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DraftWorkflow(DraftingService drafting, ReadinessReports readiness, EvidenceTexts texts,
            DraftMilestoneRepository milestones, TaskDraftRepository drafts,
            TaskSubmissionRepository submissions, SubmissionFileRepository submissionFiles, Candidates candidates,
            Programs programs, MentoringQueries mentoring, Notifier notifier, ApplicationEventPublisher events,
            DraftingProperties properties, TransactionTemplate transaction, Clock clock) {
        this.events = events;
        this.texts = texts;
        this.readingWait = properties.extraction().submissionWait();
        this.transaction = transaction;
        this.drafting = drafting;
        this.readiness = readiness;
        this.milestones = milestones;
        this.drafts = drafts;
        this.submissions = submissions;
        this.submissionFiles = submissionFiles;
        this.candidates = candidates;
        this.programs = programs;
        this.mentoring = mentoring;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** The first component not yet approved, in the handbook's order; empty once all four are. */
    public Optional<DraftMilestone.Component> nextComponent(long draftId) {
        return DraftMilestone.openComponent(milestones.findByDraftIdOrderBySequence(draftId));
    }

    @Transactional
    public DraftMilestone markDone(long draftId, DraftMilestone.Component component, Actor actor) {
        drafting.writableDraft(draftId, actor);
        DraftMilestone milestone = milestoneToChange(draftId, component);
        if (milestone.getStatus() == DraftMilestone.Status.MARKED_DONE) {
            return milestone;
        }
        Optional<DraftMilestone.Component> open = nextComponent(draftId);
        if (open.isEmpty() || open.get() != component || !milestone.awaitsCandidate()) {
            throw ApiProblem.conflict(component + " is not the component open for work"
                    + open.map(c -> "; " + c + " is.").orElse("; all four are approved."));
        }
        milestone.markDone(Instant.now(clock));
        events.publishEvent(new ComponentMarkedDone(draftId, component.name(), milestone.getMarkedDoneAt()));
        return milestone;
    }

    /** The mentor approves or returns a component marked done; returning needs a comment. */
    @Transactional
    public DraftMilestone review(long draftId, DraftMilestone.Component component, boolean approved, String comment,
            Actor actor) {
        TaskDraft draft = drafting.visibleDraft(draftId, actor);
        if (!mentoring.isMentorOf(draft.getCandidateId(), actor)) {
            throw ApiProblem.forbidden("Only the candidate's mentor reviews their components.");
        }
        DraftMilestone milestone = milestoneToChange(draftId, component);
        DraftMilestone.Status outcome = approved ? DraftMilestone.Status.APPROVED : DraftMilestone.Status.RETURNED;
        if (milestone.getStatus() == outcome && milestone.getReviewedAt() != null) {
            return milestone;
        }
        if (milestone.getStatus() != DraftMilestone.Status.MARKED_DONE) {
            throw ApiProblem.conflict(component + " is " + milestone.getStatus().name().toLowerCase()
                    + ", not waiting for your review.");
        }
        if (!approved && (comment == null || comment.isBlank())) {
            throw ApiProblem.invalid("Say what to rework when returning a component.",
                    List.of(Map.of("field", "comment", "message", "must not be blank when returning")));
        }
        ApiProblem.requireAtMost(MAX_REVIEW_COMMENT, "comment", comment);
        milestone.review(approved, comment == null ? null : comment.strip(), Instant.now(clock));
        events.publishEvent(new ComponentReviewed(draftId, component.name(), approved, milestone.getReviewedAt()));
        return milestone;
    }

    @Transactional
    public void requestReview(long draftId, DraftMilestone.Component component) {
        DraftMilestone milestone = milestone(draftId, component);
        Candidate candidate = candidateOf(draftId);
        String round = component + ":" + milestone.getMarkedDoneAt().toEpochMilli();
        mentorOf(candidate).ifPresentOrElse(
                mentor -> notifier.send("component-review:" + draftId + ":" + round, mentor.email(),
                        "Please review " + component.label() + " of " + candidate.fullName(),
                        candidate.fullName() + " marked " + component.label() + " of task " + taskOf(draftId)
                                + " done. Approve it or return it with comments in PAL Flow (draft " + draftId + ").\n"),
                () -> notifyCoordinator(candidate, "component-review-unassigned:" + draftId + ":" + round,
                        candidate.fullName() + " has no mentor to review " + component.label(),
                        "Assign a mentor so that the component can be reviewed (draft " + draftId + ")."));
    }

    @Transactional
    public void remindMentor(long draftId, DraftMilestone.Component component) {
        DraftMilestone milestone = milestone(draftId, component);
        if (milestone.getStatus() != DraftMilestone.Status.MARKED_DONE) {
            return;
        }
        Candidate candidate = candidateOf(draftId);
        mentorOf(candidate).ifPresent(mentor -> notifier.send("component-review-reminder:" + draftId + ":"
                        + component + ":" + milestone.getMarkedDoneAt().toEpochMilli(), mentor.email(),
                "Reminder: " + component.label() + " of " + candidate.fullName() + " waits for your review",
                "It was marked done on " + milestone.getMarkedDoneAt() + " (draft " + draftId + ").\n"));
    }

    @Transactional
    public void tellCoordinatorReviewOverdue(long draftId, DraftMilestone.Component component) {
        DraftMilestone milestone = milestone(draftId, component);
        if (milestone.getStatus() != DraftMilestone.Status.MARKED_DONE) {
            return;
        }
        Candidate candidate = candidateOf(draftId);
        String mentor = mentorOf(candidate).map(MentoringView.MentorView::fullName).orElse("No mentor");
        notifyCoordinator(candidate, "component-review-overdue:" + draftId + ":" + component + ":"
                        + milestone.getMarkedDoneAt().toEpochMilli(),
                "Mentor review overdue for " + candidate.fullName(),
                mentor + " has not reviewed " + component.label() + ", marked done on " + milestone.getMarkedDoneAt()
                        + " (draft " + draftId + ").");
    }

    @Transactional
    public void notifyReturn(long draftId, DraftMilestone.Component component) {
        DraftMilestone milestone = milestone(draftId, component);
        Candidate candidate = candidateOf(draftId);
        notifier.send("component-returned:" + draftId + ":" + component + ":" + milestone.getReviewedAt().toEpochMilli(),
                candidate.email(), component.label() + " was returned with comments",
                "Your mentor returned " + component.label() + " of task " + taskOf(draftId) + ":\n\n"
                        + milestone.getMentorComment() + "\n\nMark it done again once reworked.\n");
    }

    /** The draft's submission, and whether this request made it. */
    public record Submitted(TaskSubmission submission, boolean justNow) {
    }

    /**
     * Seals the draft when its readiness report has no blocking finding and any warnings are acknowledged, after
     * waiting briefly for files still being read. Submitting a submitted draft again, also at the same moment,
     * returns its submission.
     */
    public Submitted submit(long draftId, boolean warningsAcknowledged, Actor actor) {
        TaskDraft draft = drafting.ownedDraft(draftId, actor);
        if (draft.getStatus() != TaskDraft.Status.SUBMITTED) {
            texts.awaitRead(draftId, readingWait);
        }
        return transaction.execute(status -> submitRead(draftId, warningsAcknowledged));
    }

    private Submitted submitRead(long draftId, boolean warningsAcknowledged) {
        // Read again: the details may have changed while the files were read, and this copy is the one sealed. Locked:
        // the same draft submitted twice at once (a double click, a retry) is sealed once, and the second request,
        // let through after the first commits, finds that submission.
        TaskDraft draft = drafts.lockById(draftId).orElseThrow();
        Optional<TaskSubmission> earlier = submissions.findByDraftId(draftId);
        if (earlier.isPresent()) {
            return new Submitted(earlier.get(), false);
        }
        ReadinessReports.Report report = readiness.report(draft);
        if (report.blocking() > 0) {
            throw ApiProblem.conflict("The draft cannot be submitted: its readiness report has " + report.blocking()
                    + " blocking finding(s).", Map.of("findings", report.of(ReadinessFinding.Severity.BLOCKING)));
        }
        if (report.warnings() > 0 && !warningsAcknowledged) {
            throw ApiProblem.conflict("The readiness report has " + report.warnings() + " warning(s); submit again "
                    + "with acknowledgeWarnings set to confirm you have read them.",
                    Map.of("findings", report.of(ReadinessFinding.Severity.WARNING)));
        }
        Instant now = Instant.now(clock);
        TaskSubmission submission = submissions.saveAndFlush(new TaskSubmission(draft, now));
        submissionFiles.sealNewestFiles(submission.getId(), draftId);
        draft.submitted(now);
        events.publishEvent(new DraftSubmitted(draftId, submission.getId()));
        return new Submitted(submission, true);
    }

    public TaskSubmission submissionOf(long draftId) {
        return submissions.findByDraftId(draftId)
                .orElseThrow(() -> new IllegalStateException("Draft " + draftId + " has no submission"));
    }

    public List<SubmissionFile> filesOf(TaskSubmission submission) {
        return submissionFiles.findBySubmissionIdOrderByPartCode(submission.getId());
    }

    private DraftMilestone milestone(long draftId, DraftMilestone.Component component) {
        return milestones.findByDraftIdAndComponent(draftId, component)
                .orElseThrow(() -> noSuchComponent(draftId, component));
    }

    /**
     * Locked: a step sent twice at once (a double click, a retry) waits for the first, then finds it taken and
     * answers as a repeat does, instead of being refused as changed meanwhile.
     */
    private DraftMilestone milestoneToChange(long draftId, DraftMilestone.Component component) {
        return milestones.lockByDraftIdAndComponent(draftId, component)
                .orElseThrow(() -> noSuchComponent(draftId, component));
    }

    private static ApiProblem noSuchComponent(long draftId, DraftMilestone.Component component) {
        return ApiProblem.notFound("Draft " + draftId + " has no component " + component + ".");
    }

    private Candidate candidateOf(long draftId) {
        return candidates.get(drafts.findById(draftId).orElseThrow().getCandidateId());
    }

    private int taskOf(long draftId) {
        return drafts.findById(draftId).orElseThrow().getTaskNumber();
    }

    private Optional<MentoringView.MentorView> mentorOf(Candidate candidate) {
        return mentoring.view(candidate.id()).map(MentoringView::mentor);
    }

    private void notifyCoordinator(Candidate candidate, String dedupeKey, String subject, String body) {
        programs.program(candidate.programCode()).ifPresent(program ->
                notifier.send(dedupeKey, program.coordinatorEmail(), subject, body + "\n"));
    }
}

package org.palflow.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.palflow.drafting.SubmittedEvidence;
import org.palflow.platform.mail.Notifier;
import org.palflow.platform.time.PalCalendar;
import org.palflow.registration.Registration;
import org.palflow.registration.RegistrationRepository;
import org.palflow.scoring.ScoringAssignment.Purpose;
import org.palflow.scoring.ScoringRules.TaskResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of task scoring that the task-scoring and rescoring processes call: placing a submission in a window,
 * assigning scorers, deciding whether another scoring is needed, and releasing the result. Every step is safe to
 * repeat, because Zeebe may deliver a job twice.
 */
@Service
public class ScoringService {

    /** Scores stay valid for seven years from the score-report date (seed 001). */
    static final int VALID_YEARS = 7;
    private static final Set<Purpose> SCORING = EnumSet.of(Purpose.FIRST, Purpose.SECOND, Purpose.ADJUDICATION);

    /** Where the submission waits: in a window (with its dates), or for one to be defined. */
    public record Placement(Long windowId, Instant closesAt, Instant reportsAt) {
    }

    public record Assigned(long assignmentId, Instant dueAt, Instant escalateAt) {
    }

    /** Nobody may score the submission now; {@code reason} says why, for the admin. */
    public static final class NoEligibleScorer extends RuntimeException {
        NoEligibleScorer(String reason) {
            super(reason);
        }
    }

    private final ScoringCaseRepository cases;
    private final ScoringWindows windows;
    private final ScoringWindowRepository windowRepository;
    private final ScorerRepository scorers;
    private final ScoringAssignmentRepository assignments;
    private final TaskScoreRepository taskScores;
    private final RescoringRequestRepository rescoringRequests;
    private final RegistrationRepository registrations;
    private final SubmittedEvidence evidence;
    private final RubricCatalog rubrics;
    private final ScoringRules rules;
    private final Notifier notifier;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PalCalendar calendar;
    private final Duration scoringPeriod;
    private final Duration escalateAfterLate;
    private final String adminEmail;

    ScoringService(ScoringCaseRepository cases, ScoringWindows windows, ScoringWindowRepository windowRepository,
            ScorerRepository scorers, ScoringAssignmentRepository assignments, TaskScoreRepository taskScores,
            RescoringRequestRepository rescoringRequests,
            RegistrationRepository registrations, SubmittedEvidence evidence, RubricCatalog rubrics,
            ScoringRules rules, Notifier notifier, ObjectMapper json,
            ApplicationEventPublisher events, Clock clock, PalCalendar calendar,
            @Value("${pal.scoring.scoring-period}") Duration scoringPeriod,
            @Value("${pal.scoring.escalate-after-late}") Duration escalateAfterLate,
            @Value("${pal.admin-email}") String adminEmail) {
        this.cases = cases;
        this.windows = windows;
        this.windowRepository = windowRepository;
        this.scorers = scorers;
        this.assignments = assignments;
        this.taskScores = taskScores;
        this.rescoringRequests = rescoringRequests;
        this.registrations = registrations;
        this.evidence = evidence;
        this.rubrics = rubrics;
        this.rules = rules;
        this.notifier = notifier;
        this.json = json;
        this.events = events;
        this.clock = clock;
        this.calendar = calendar;
        this.scoringPeriod = scoringPeriod;
        this.escalateAfterLate = escalateAfterLate;
        this.adminEmail = adminEmail;
    }

    @Transactional
    public Placement place(long submissionId) {
        SubmittedEvidence.Submission submission = evidence.submission(submissionId);
        ScoringCase scoringCase = cases.findById(submissionId).orElseGet(() -> cases.save(new ScoringCase(
                submissionId, submission.candidateId(), submission.task(), submission.handbookVersion(), now())));
        Optional<ScoringWindow> window = scoringCase.getWindowId() != null
                ? windowRepository.findById(scoringCase.getWindowId())
                : windows.windowFor(submission.handbookVersion(), submission.task(), submission.submittedAt());
        if (window.isEmpty()) {
            return new Placement(null, null, null);
        }
        if (scoringCase.getWindowId() == null) {
            scoringCase.placeIn(window.get().getId(), now());
        }
        return new Placement(window.get().getId(), window.get().closesAt(calendar),
                window.get().reportsAt(calendar));
    }

    @Transactional
    public void moveCase(long submissionId, ScoringCase.Status status) {
        cases.findById(submissionId).ifPresent(scoringCase -> scoringCase.move(status, now()));
    }

    /**
     * Gives the submission to a scorer for {@code purpose}; asking again returns the same assignment. If that one
     * is already scored (a process resumed after a restart), its score is announced again so the process does not
     * wait for a score it already has.
     */
    @Transactional
    public Assigned assign(long submissionId, Purpose purpose) {
        Optional<ScoringAssignment> existing = assignments.findBySubmissionIdAndPurpose(submissionId, purpose);
        if (existing.isPresent()) {
            if (existing.get().getStatus() == ScoringAssignment.Status.SCORED) {
                events.publishEvent(new ScoreRecorded(existing.get().getId()));
            }
            return assigned(existing.get());
        }
        SubmittedEvidence.Submission submission = evidence.submission(submissionId);
        Registration candidate = registrations.findById(submission.candidateId()).orElseThrow();
        Map<Long, Integer> open = new HashMap<>();
        assignments.openPerScorer().forEach(row -> open.put((Long) row[0], ((Long) row[1]).intValue()));
        List<ScorerPicker.Load> pool = scorers.findByActiveTrue().stream().map(scorer -> new ScorerPicker.Load(
                scorer.getId(), scorer.getDistrict(), scorer.getProgramCode(), scorer.getCapacity(),
                open.getOrDefault(scorer.getId(), 0))).toList();
        Set<Long> scoredBefore = assignments.findBySubmissionIdOrderByIdAsc(submissionId).stream()
                .map(ScoringAssignment::getScorerId).collect(Collectors.toSet());
        ScorerPicker.Pick pick = ScorerPicker.pick(pool, new ScorerPicker.Work(candidate.getDistrict(),
                candidate.getProgramCode(), scoredBefore));
        if (pick.scorerId().isEmpty()) {
            throw new NoEligibleScorer(pick.reasonIfNone());
        }
        ScoringAssignment assignment = assignments.saveAndFlush(new ScoringAssignment(submissionId,
                pick.scorerId().get(), purpose, now(), now().plus(scoringPeriod)));
        if (purpose != Purpose.RESCORING) {
            moveCase(submissionId, ScoringCase.Status.SCORING);
        }
        Scorer scorer = scorers.findById(pick.scorerId().get()).orElseThrow();
        notifier.send("scoring-assigned-" + assignment.getId(), scorer.getEmail(), "A PAL submission to score",
                "A Task " + submission.task() + " submission is waiting for you (assignment " + assignment.getId()
                        + ", " + purpose.name().toLowerCase() + " scoring). Please score it by " + assignment.getDueAt()
                        + ": GET /api/scorer/assignments/" + assignment.getId());
        return assigned(assignment);
    }

    @Transactional
    public void tellAdminNoScorer(long submissionId, String reason) {
        notifier.send("no-eligible-scorer-" + submissionId + "-" + LocalDate.now(clock), adminEmail,
                "No eligible scorer for submission " + submissionId, "Submission " + submissionId
                        + " cannot be assigned: " + reason + " The assignment is tried again every day; adding or "
                        + "freeing scorers lets it go ahead.");
    }

    @Transactional
    public void remindScorer(long assignmentId) {
        ScoringAssignment assignment = assignments.findById(assignmentId).orElseThrow();
        if (assignment.getStatus() == ScoringAssignment.Status.OPEN) {
            Scorer scorer = scorers.findById(assignment.getScorerId()).orElseThrow();
            notifier.send("scoring-reminder-" + assignmentId, scorer.getEmail(), "Reminder: a PAL score is due",
                    "Assignment " + assignmentId + " was due on " + assignment.getDueAt() + ". Please record the score.");
        }
    }

    @Transactional
    public void escalateLateScorer(long assignmentId) {
        ScoringAssignment assignment = assignments.findById(assignmentId).orElseThrow();
        if (assignment.getStatus() == ScoringAssignment.Status.OPEN) {
            Scorer scorer = scorers.findById(assignment.getScorerId()).orElseThrow();
            notifier.send("scoring-late-" + assignmentId, adminEmail, "A PAL scorer is late",
                    "Scorer " + scorer.getUsername() + " has not scored assignment " + assignmentId + " (submission "
                            + assignment.getSubmissionId() + "), due " + assignment.getDueAt() + ".");
        }
    }

    /** After a scoring: which scoring comes next ("SECOND", "ADJUDICATION"), or "NONE" when a result stands. */
    @Transactional
    public String nextScoring(long submissionId) {
        ScoringRules.Outcome outcome = outcome(submissionId);
        if (outcome.next() == ScoringRules.NextStep.NONE) {
            moveCase(submissionId, ScoringCase.Status.SCORED);
        }
        return switch (outcome.next()) {
            case NONE -> "NONE";
            case SECOND_SCORING -> Purpose.SECOND.name();
            case ADJUDICATION -> Purpose.ADJUDICATION.name();
        };
    }

    /** Releases the standing result on the score-report date; once per submission. */
    @Transactional
    public TaskScore release(long submissionId) {
        List<TaskScore> released = taskScores.findBySubmissionIdOrderByIdAsc(submissionId);
        if (!released.isEmpty()) {
            return released.get(0);
        }
        ScoringCase scoringCase = cases.findById(submissionId).orElseThrow();
        ScoringRules.Outcome outcome = outcome(submissionId);
        LocalDate reportDate = windowRepository.findById(scoringCase.getWindowId()).orElseThrow().getScoreReportDate();
        LocalDate today = calendar.today();
        LocalDate reportedOn = today.isAfter(reportDate) ? today : reportDate;
        TaskScore score = taskScores.saveAndFlush(new TaskScore(submissionId, scoringCase.getCandidateId(),
                scoringCase.getTask(), outcome.standing().taskScore(), toJson(outcome.standing()), outcome.basis(), null,
                reportedOn, reportedOn.plusYears(VALID_YEARS), now()));
        scoringCase.move(ScoringCase.Status.REPORTED, now());
        events.publishEvent(new TaskScoreChanged(score.getCandidateId(), score.getId()));
        notifyCandidate("score-report-" + score.getId(), score, "Your PAL Task " + score.getTask() + " score report",
                "Your score report for Task " + score.getTask() + " is ready: GET /api/submissions/" + submissionId
                        + "/score-report");
        return score;
    }

    /** A rescoring's verdict: a new released row when it changes the result; the original confirmed otherwise. */
    @Transactional
    public ScoringRules.RescoringOutcome decideRescoring(long submissionId) {
        // Always against the first released result: a redelivered job must reach the same verdict, not compare
        // the rescoring with the correction it already made.
        List<TaskScore> chain = taskScores.findBySubmissionIdOrderByIdAsc(submissionId);
        TaskScore original = chain.get(0);
        ScoringAssignment rescoring = assignments.findBySubmissionIdAndPurpose(submissionId, Purpose.RESCORING)
                .orElseThrow();
        ScoringRules.RescoringOutcome outcome = rules.afterRescoring(fromJson(original.getResult()),
                fromJson(rescoring.getResult()));
        rescoringRequests.findById(submissionId).ifPresent(request -> request.decide(outcome.changed(),
                outcome.basis()));
        if (!outcome.changed()) {
            notifyCandidate("rescoring-confirmed-" + submissionId, original, "Your PAL Task " + original.getTask()
                    + " rescoring", "Rescoring confirmed your Task " + original.getTask() + " result: GET "
                    + "/api/submissions/" + submissionId + "/score-report");
        } else if (chain.size() == 1) {
            TaskScore amended = taskScores.saveAndFlush(new TaskScore(submissionId, original.getCandidateId(),
                    original.getTask(), outcome.standing().taskScore(), toJson(outcome.standing()), outcome.basis(),
                    original.getId(), original.getReportDate(), original.getValidUntil(), now()));
            events.publishEvent(new TaskScoreChanged(amended.getCandidateId(), amended.getId()));
            notifyCandidate("score-report-" + amended.getId(), amended, "Your amended PAL Task " + amended.getTask()
                    + " score report", "Rescoring changed your Task " + amended.getTask() + " result: GET "
                    + "/api/submissions/" + submissionId + "/score-report");
        }
        return outcome;
    }

    /** The released result that stands now: the last of the chain of corrections. */
    public Optional<TaskScore> current(long submissionId) {
        List<TaskScore> chain = taskScores.findBySubmissionIdOrderByIdAsc(submissionId);
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
    }

    TaskResult fromJson(String result) {
        try {
            return json.readValue(result, TaskResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored result", e);
        }
    }

    String toJson(TaskResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ScoringRules.Outcome outcome(long submissionId) {
        ScoringCase scoringCase = cases.findById(submissionId).orElseThrow();
        Rubric rubric = rubrics.rubric(scoringCase.getHandbookVersion(), scoringCase.getTask());
        List<TaskResult> results = new ArrayList<>();
        for (ScoringAssignment assignment : assignments.findBySubmissionIdOrderByIdAsc(submissionId)) {
            if (SCORING.contains(assignment.getPurpose()) && assignment.getStatus() == ScoringAssignment.Status.SCORED) {
                results.add(fromJson(assignment.getResult()));
            }
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("Submission " + submissionId + " has no recorded scoring yet");
        }
        return rules.afterScorings(rubric, results);
    }

    private void notifyCandidate(String dedupeKey, TaskScore score, String subject, String body) {
        registrations.findById(score.getCandidateId()).ifPresent(candidate -> notifier.send(dedupeKey,
                candidate.getEmail(), subject, body));
    }

    private Assigned assigned(ScoringAssignment assignment) {
        return new Assigned(assignment.getId(), assignment.getDueAt(), assignment.getDueAt().plus(escalateAfterLate));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}

package org.palflow.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.palflow.drafting.SubmittedEvidence;
import org.palflow.platform.PlatformProperties;
import org.palflow.platform.mail.Notifier;
import org.palflow.registration.Candidate;
import org.palflow.registration.Candidates;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Who scores a submission: a scorer free of conflicts with capacity left, reminded when due, reported when late. */
@Service
class ScorerAssignments {

    record Assigned(long assignmentId, Instant dueAt, Instant escalateAt) {
    }

    /** Nobody may score the submission now; the message says why, for the admin. */
    static final class NoEligibleScorer extends RuntimeException {
        NoEligibleScorer(String reason) {
            super(reason);
        }
    }

    private final ScorerRepository scorers;
    private final ScoringAssignmentRepository assignments;
    private final ScoringCases cases;
    private final Candidates candidates;
    private final SubmittedEvidence evidence;
    private final Notifier notifier;
    private final ScoringProperties properties;
    private final PlatformProperties platform;
    private final Clock clock;
    private final JdbcClient jdbc;

    ScorerAssignments(ScorerRepository scorers, ScoringAssignmentRepository assignments, ScoringCases cases,
            Candidates candidates, SubmittedEvidence evidence, Notifier notifier,
            ScoringProperties properties, PlatformProperties platform, Clock clock, JdbcClient jdbc) {
        this.scorers = scorers;
        this.assignments = assignments;
        this.cases = cases;
        this.candidates = candidates;
        this.evidence = evidence;
        this.notifier = notifier;
        this.properties = properties;
        this.platform = platform;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /**
     * Gives the submission to a scorer for {@code purpose}; asking again returns the same assignment. One at a time
     * across worker threads and app instances, reading what committed before its turn (read committed), so that
     * assignments made at the same moment are counted against the scorers' capacity.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    Assigned assign(long submissionId, ScoringPurpose purpose) {
        jdbc.sql("SELECT id FROM scorer_assignment_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
        Optional<ScoringAssignment> existing = assignments.findBySubmissionIdAndPurpose(submissionId, purpose);
        if (existing.isPresent()) {
            return assigned(existing.get());
        }
        SubmittedEvidence.Submission submission = evidence.submission(submissionId);
        Candidate candidate = candidates.get(submission.candidateId());
        Map<Long, Integer> open = new HashMap<>();
        assignments.openPerScorer().forEach(row -> open.put((Long) row[0], ((Long) row[1]).intValue()));
        List<ScorerPicker.Load> pool = scorers.findByActiveTrue().stream().map(scorer -> new ScorerPicker.Load(
                scorer.getId(), scorer.getDistrictCode(), scorer.getProgramCode(), scorer.getCapacity(),
                open.getOrDefault(scorer.getId(), 0))).toList();
        Set<Long> scoredBefore = assignments.findBySubmissionIdOrderByIdAsc(submissionId).stream()
                .map(ScoringAssignment::getScorerId).collect(Collectors.toSet());
        ScorerPicker.Pick pick = ScorerPicker.pick(pool, new ScorerPicker.Work(candidate.districtCode(),
                candidate.programCode(), scoredBefore));
        if (pick.scorerId().isEmpty()) {
            throw new NoEligibleScorer(pick.reasonIfNone());
        }
        Instant now = Instant.now(clock);
        ScoringAssignment assignment = assignments.saveAndFlush(new ScoringAssignment(submissionId,
                pick.scorerId().get(), purpose, now, now.plus(properties.scoringPeriod())));
        if (purpose != ScoringPurpose.RESCORING) {
            cases.move(submissionId, ScoringCase.Status.SCORING);
        }
        Scorer scorer = scorers.findById(pick.scorerId().get()).orElseThrow();
        notifier.send("scoring-assigned:" + submissionId + ":" + purpose, scorer.getEmail(), "A PAL submission to score",
                "A Task " + submission.task() + " submission is waiting for you (assignment " + assignment.getId()
                        + ", " + purpose.name().toLowerCase() + " scoring). Please score it by " + assignment.getDueAt()
                        + ": GET /api/scorer/assignments/" + assignment.getId());
        return assigned(assignment);
    }

    @Transactional
    void tellAdminNoScorer(long submissionId, String reason) {
        notifier.send("no-eligible-scorer-" + submissionId + "-" + LocalDate.now(clock), platform.adminEmail(),
                "No eligible scorer for submission " + submissionId, "Submission " + submissionId
                        + " cannot be assigned: " + reason + " The assignment is tried again every day; adding or "
                        + "freeing scorers lets it go ahead.");
    }

    @Transactional
    void remindScorer(long assignmentId) {
        ScoringAssignment assignment = assignments.findById(assignmentId).orElseThrow();
        if (assignment.getStatus() == ScoringAssignment.Status.OPEN) {
            Scorer scorer = scorers.findById(assignment.getScorerId()).orElseThrow();
            notifier.send("scoring-reminder-" + assignmentId, scorer.getEmail(), "Reminder: a PAL score is due",
                    "Assignment " + assignmentId + " was due on " + assignment.getDueAt() + ". Please record the score.");
        }
    }

    @Transactional
    void escalateLateScorer(long assignmentId) {
        ScoringAssignment assignment = assignments.findById(assignmentId).orElseThrow();
        if (assignment.getStatus() == ScoringAssignment.Status.OPEN) {
            Scorer scorer = scorers.findById(assignment.getScorerId()).orElseThrow();
            notifier.send("scoring-late-" + assignmentId, platform.adminEmail(), "A PAL scorer is late",
                    "Scorer " + scorer.getUsername() + " has not scored assignment " + assignmentId + " (submission "
                            + assignment.getSubmissionId() + "), due " + assignment.getDueAt() + ".");
        }
    }

    private Assigned assigned(ScoringAssignment assignment) {
        return new Assigned(assignment.getId(), assignment.getDueAt(),
                assignment.getDueAt().plus(properties.escalateAfterLate()));
    }
}

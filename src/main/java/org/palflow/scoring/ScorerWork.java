package org.palflow.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.palflow.drafting.SubmittedEvidence;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a scorer sees and does. Everything here is blinded: a submission is known by its assignment, its parts by
 * the evidence chart's names, its text with every identifying term redacted; candidate, school, district and
 * program never leave this class.
 */
@Service
public class ScorerWork {

    public record AssignmentSummary(long assignmentId, int task, String handbookVersion, String purpose,
            String status, Instant dueAt, Instant scoredAt) {
    }

    public record BlindedSubmission(long assignmentId, int task, String handbookVersion, String purpose,
            Instant dueAt, List<Rubric.Indicator> indicators, Map<String, String> conditionCodes,
            List<SubmittedEvidence.BlindedFile> files) {
    }

    public record ScoreSheet(String conditionCode, Map<String, ScoringRules.Mark> indicators) {
    }

    private final ScorerRepository scorers;
    private final ScoringAssignmentRepository assignments;
    private final ScoringCaseRepository cases;
    private final SubmittedEvidence evidence;
    private final RubricCatalog rubrics;
    private final ScoringRules rules;
    private final StoredResults stored;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ScorerWork(ScorerRepository scorers, ScoringAssignmentRepository assignments, ScoringCaseRepository cases,
            SubmittedEvidence evidence, RubricCatalog rubrics, ScoringRules rules, StoredResults stored,
            ApplicationEventPublisher events, Clock clock) {
        this.scorers = scorers;
        this.assignments = assignments;
        this.cases = cases;
        this.evidence = evidence;
        this.rubrics = rubrics;
        this.rules = rules;
        this.stored = stored;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A scorer's desk: their open assignments, soonest due first, then those they scored, latest first and at most
     * {@code scoredAtMost} of them; {@code only}, when given, keeps one of the two. A scorer's scored assignments
     * grow with every window, their open ones only up to their capacity.
     */
    @Transactional(readOnly = true)
    public List<AssignmentSummary> assignmentsOf(Actor actor, Optional<ScoringAssignment.Status> only,
            Limit scoredAtMost) {
        long scorer = scorerOf(actor).getId();
        List<ScoringAssignment> listed = new ArrayList<>();
        if (only.isEmpty() || only.get() == ScoringAssignment.Status.OPEN) {
            listed.addAll(assignments.findByScorerIdAndStatusOrderByDueAtAscIdAsc(scorer,
                    ScoringAssignment.Status.OPEN));
        }
        if (only.isEmpty() || only.get() == ScoringAssignment.Status.SCORED) {
            listed.addAll(assignments.findByScorerIdAndStatusOrderByScoredAtDescIdDesc(scorer,
                    ScoringAssignment.Status.SCORED, scoredAtMost));
        }
        // One query for all their cases, not one per assignment.
        Map<Long, ScoringCase> casesById = cases.findAllById(listed.stream().map(ScoringAssignment::getSubmissionId)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(ScoringCase::getSubmissionId,
                        Function.identity()));
        return listed.stream().map(assignment -> {
            ScoringCase scoringCase = casesById.get(assignment.getSubmissionId());
            return new AssignmentSummary(assignment.getId(), scoringCase.getTask(), scoringCase.getHandbookVersion(),
                    assignment.getPurpose().name(), assignment.getStatus().name(), assignment.getDueAt(),
                    assignment.getScoredAt());
        }).toList();
    }

    @Transactional(readOnly = true)
    public BlindedSubmission submission(long assignmentId, Actor actor) {
        ScoringAssignment assignment = ownAssignment(assignmentId, actor);
        ScoringCase scoringCase = cases.findById(assignment.getSubmissionId()).orElseThrow();
        Rubric rubric = rubrics.rubric(scoringCase.getHandbookVersion(), scoringCase.getTask());
        return new BlindedSubmission(assignmentId, scoringCase.getTask(), scoringCase.getHandbookVersion(),
                assignment.getPurpose().name(), assignment.getDueAt(), rubric.indicators(), rubric.conditionCodes(),
                evidence.blindedFiles(assignment.getSubmissionId()));
    }

    @Transactional(readOnly = true)
    public String text(long assignmentId, long fileId, Actor actor) {
        return evidence.blindedText(ownAssignment(assignmentId, actor).getSubmissionId(), fileId);
    }

    /**
     * Records the scorer's marks with the event that tells the process. Results are immutable: the same marks
     * again return the recorded result; different marks are refused.
     */
    @Transactional
    public ScoringRules.TaskResult record(long assignmentId, ScoreSheet sheet, Actor actor) {
        ScoringAssignment assignment = own(assignments.lockById(assignmentId), assignmentId, actor);
        ScoringRules.TaskResult result = resultOf(assignment, sheet);
        String resultJson = stored.write(result);
        if (assignment.getStatus() == ScoringAssignment.Status.SCORED) {
            if (!stored.read(assignment.getResult()).equals(result)) {
                throw ApiProblem.conflict("Assignment " + assignmentId + " is already scored; recorded scores "
                        + "cannot be changed.");
            }
        } else {
            BigDecimal taskScore = result.taskScore();
            assignment.recordResult(taskScore, resultJson, Instant.now(clock));
            events.publishEvent(new ScoreRecorded(assignmentId));
        }
        return result;
    }

    /** The result the sheet would record, worked out and checked against the rubric, but not recorded. */
    @Transactional(readOnly = true)
    public ScoringRules.TaskResult preview(long assignmentId, ScoreSheet sheet, Actor actor) {
        return resultOf(ownAssignment(assignmentId, actor), sheet);
    }

    /** The indicators of the assignment's rubric, in the rubric's order. */
    @Transactional(readOnly = true)
    public List<Rubric.Indicator> indicatorsOf(long assignmentId, Actor actor) {
        return rubricOf(ownAssignment(assignmentId, actor)).indicators();
    }

    /** The rubric's band of a score typed for an indicator; empty if it is not a score on the rubric. */
    @Transactional(readOnly = true)
    public Optional<Rubric.Band> bandOf(long assignmentId, BigDecimal score, Actor actor) {
        return rubricOf(ownAssignment(assignmentId, actor)).bandOf(score);
    }

    private ScoringRules.TaskResult resultOf(ScoringAssignment assignment, ScoreSheet sheet) {
        Rubric rubric = rubricOf(assignment);
        try {
            return rules.score(rubric, sheet.conditionCode(), sheet.indicators());
        } catch (ScoringRules.InvalidMarks invalid) {
            throw ApiProblem.invalid("The score sheet does not fit the Task " + rubric.task() + " rubric.",
                    invalid.problems());
        }
    }

    private Rubric rubricOf(ScoringAssignment assignment) {
        ScoringCase scoringCase = cases.findById(assignment.getSubmissionId()).orElseThrow();
        return rubrics.rubric(scoringCase.getHandbookVersion(), scoringCase.getTask());
    }

    private ScoringAssignment ownAssignment(long assignmentId, Actor actor) {
        return own(assignments.findById(assignmentId), assignmentId, actor);
    }

    private ScoringAssignment own(Optional<ScoringAssignment> found, long assignmentId, Actor actor) {
        Scorer scorer = scorerOf(actor);
        return found.filter(assignment -> assignment.getScorerId().equals(scorer.getId()))
                .orElseThrow(() -> ApiProblem.notFound("You have no assignment " + assignmentId + "."));
    }

    private Scorer scorerOf(Actor actor) {
        return scorers.findByUsername(actor.username())
                .orElseThrow(() -> ApiProblem.forbidden("You are not in the scorer pool."));
    }
}

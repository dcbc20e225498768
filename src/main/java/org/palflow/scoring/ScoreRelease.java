package org.palflow.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.palflow.platform.time.PalCalendar;
import org.palflow.scoring.ScoringRules.TaskResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * From the scorings to the released score: whether another scoring is needed, and the release of the standing
 * result on the window's score-report date. Every step is safe to repeat, as Zeebe may deliver a job twice.
 */
@Service
class ScoreRelease {

    private static final Set<ScoringPurpose> SCORING = EnumSet.of(ScoringPurpose.FIRST, ScoringPurpose.SECOND, ScoringPurpose.ADJUDICATION);

    private final ScoringCaseRepository caseRepository;
    private final ScoringCases cases;
    private final ScoringWindowRepository windows;
    private final ScoringAssignmentRepository assignments;
    private final TaskScoreRepository taskScores;
    private final RubricCatalog rubrics;
    private final ScoringRules rules;
    private final StoredResults stored;
    private final ScoreNotices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PalCalendar calendar;

    ScoreRelease(ScoringCaseRepository caseRepository, ScoringCases cases, ScoringWindowRepository windows,
            ScoringAssignmentRepository assignments, TaskScoreRepository taskScores, RubricCatalog rubrics,
            ScoringRules rules, StoredResults stored, ScoreNotices notices, ApplicationEventPublisher events,
            Clock clock, PalCalendar calendar) {
        this.caseRepository = caseRepository;
        this.cases = cases;
        this.windows = windows;
        this.assignments = assignments;
        this.taskScores = taskScores;
        this.rubrics = rubrics;
        this.rules = rules;
        this.stored = stored;
        this.notices = notices;
        this.events = events;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** After a scoring: which scoring comes next ("SECOND", "ADJUDICATION"), or "NONE" when a result stands. */
    @Transactional
    String nextScoring(long submissionId) {
        ScoringRules.Outcome outcome = outcome(submissionId);
        if (outcome.next() == ScoringRules.NextStep.NONE) {
            cases.move(submissionId, ScoringCase.Status.SCORED);
        }
        return switch (outcome.next()) {
            case NONE -> "NONE";
            case SECOND_SCORING -> ScoringPurpose.SECOND.name();
            case ADJUDICATION -> ScoringPurpose.ADJUDICATION.name();
        };
    }

    /** Releases the standing result on the score-report date; once per submission. */
    @Transactional
    TaskScore release(long submissionId) {
        List<TaskScore> released = taskScores.findBySubmissionIdOrderByIdAsc(submissionId);
        if (!released.isEmpty()) {
            return released.get(0);
        }
        ScoringCase scoringCase = caseRepository.findById(submissionId).orElseThrow();
        ScoringRules.Outcome outcome = outcome(submissionId);
        LocalDate reportDate = windows.findById(scoringCase.getWindowId()).orElseThrow().getScoreReportDate();
        LocalDate today = calendar.today();
        LocalDate reportedOn = today.isAfter(reportDate) ? today : reportDate;
        TaskScore score = taskScores.saveAndFlush(new TaskScore(submissionId, scoringCase.getCandidateId(),
                scoringCase.getTask(), outcome.standing().taskScore(), stored.write(outcome.standing()),
                outcome.basis(), null, reportedOn, ScoreStanding.reported(null, reportedOn).expiresOn(),
                Instant.now(clock)));
        scoringCase.move(ScoringCase.Status.REPORTED, Instant.now(clock));
        events.publishEvent(new TaskScoreChanged(score.getCandidateId(), score.getId()));
        // Keyed by the submission, not the new score's id: if this transaction is rolled back after the mail went
        // out, the retry makes a score with another id, and the same key keeps the candidate's copy one message.
        notices.tell("score-released:submission:" + submissionId, score, "Your PAL Task " + score.getTask() + " score report",
                "Your score report for Task " + score.getTask() + " is ready: GET /api/submissions/" + submissionId
                        + "/score-report");
        return score;
    }

    private ScoringRules.Outcome outcome(long submissionId) {
        ScoringCase scoringCase = caseRepository.findById(submissionId).orElseThrow();
        Rubric rubric = rubrics.rubric(scoringCase.getHandbookVersion(), scoringCase.getTask());
        List<TaskResult> results = new ArrayList<>();
        for (ScoringAssignment assignment : assignments.findBySubmissionIdOrderByIdAsc(submissionId)) {
            if (SCORING.contains(assignment.getPurpose()) && assignment.getStatus() == ScoringAssignment.Status.SCORED) {
                results.add(stored.read(assignment.getResult()));
            }
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("Submission " + submissionId + " has no recorded scoring yet");
        }
        return rules.afterScorings(rubric, results);
    }
}

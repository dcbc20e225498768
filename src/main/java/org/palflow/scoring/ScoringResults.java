package org.palflow.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.palflow.drafting.SubmittedEvidence;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What scoring tells licensure: each submission's standing released result, or that it was voided. */
@Service
@Transactional(readOnly = true)
public class ScoringResults {

    /** {@code taskScore} is null for an Incomplete or voided task; the dates are null for a voided one. */
    public record Result(long submissionId, long taskScoreId, int task, String handbookVersion, Instant submittedAt,
            BigDecimal taskScore, boolean voided, LocalDate reportDate, LocalDate validUntil) {

        public ScoreStanding standing() {
            return new ScoreStanding(taskScore, validUntil);
        }
    }

    private final ScoringCaseRepository cases;
    private final TaskScoreRepository taskScores;
    private final SubmittedEvidence evidence;

    ScoringResults(ScoringCaseRepository cases, TaskScoreRepository taskScores, SubmittedEvidence evidence) {
        this.cases = cases;
        this.taskScores = taskScores;
        this.evidence = evidence;
    }

    public List<Result> ofCandidate(long candidateId) {
        List<Result> results = new ArrayList<>();
        for (ScoringCase scoringCase : cases.findByCandidateId(candidateId)) {
            long submissionId = scoringCase.getSubmissionId();
            Instant submittedAt = evidence.submission(submissionId).submittedAt();
            if (scoringCase.getStatus() == ScoringCase.Status.VOIDED) {
                results.add(new Result(submissionId, 0, scoringCase.getTask(), scoringCase.getHandbookVersion(),
                        submittedAt, null, true, null, null));
            }
            taskScores.current(submissionId).ifPresent(score -> results.add(new Result(submissionId, score.getId(),
                    scoringCase.getTask(), scoringCase.getHandbookVersion(), submittedAt, score.getTaskScore(), false,
                    score.getReportDate(), score.getValidUntil())));
        }
        return results;
    }

    /** Standing released results whose validity ended on or before {@code day}. */
    public List<TaskScoreChanged> expiredBy(LocalDate day) {
        return taskScores.findByValidUntilLessThanEqual(day).stream()
                .filter(score -> taskScores.current(score.getSubmissionId()).map(TaskScore::getId)
                        .filter(current -> current.equals(score.getId())).isPresent())
                .map(score -> new TaskScoreChanged(score.getCandidateId(), score.getId())).toList();
    }
}

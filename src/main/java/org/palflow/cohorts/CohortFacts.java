package org.palflow.cohorts;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.palflow.drafting.DraftOpened;
import org.palflow.drafting.DraftSubmitted;
import org.palflow.licensure.LicensureDecided;
import org.palflow.licensure.LicensureRules;
import org.palflow.mentoring.MentorProposalExpired;
import org.palflow.mentoring.MentorProposed;
import org.palflow.mentoring.MentorResponded;
import org.palflow.registration.RegistrationSubmitted;
import org.palflow.scoring.ScoreStanding;
import org.palflow.scoring.TaskScoreChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The cohort view's projection ({@code cohort_candidate_facts}): what its filters and counts select on, one row per
 * candidate, so that "at risk" or "Task 2 scored" over a cohort of 50,000 is a scan of one narrow table instead of
 * judging every candidate's latest attempts per request. A row is worked out again from the features' published
 * read models whenever a feature announces a change to that candidate, before the change commits and in its
 * transaction: the projection is never behind what the view's pages show. Facts that depend on the day are kept as
 * dates, and compared with the day when the view is read ({@link #AT_RISK}, {@link #stageToday}).
 */
@Component
public class CohortFacts {

    private static final Logger log = LoggerFactory.getLogger(CohortFacts.class);

    /**
     * The at-risk rule on a facts row {@code f}, the SQL twin of the reasons {@link CohortView} gives a line: a latest
     * attempt's released score is Incomplete, below the threshold or expiring soon, a proposed mentor has been silent
     * too long, or the latest decision found the mean below the passing average.
     */
    static final String AT_RISK = """
            (f.score_below OR f.scores_valid_until < :expiryWarning OR f.proposal_pending_at < :mentorSilentSince
             OR f.average_below)
            """;

    /** The stage of a task's latest attempt {@code a}, whatever the day. */
    private static final String STAGE = """
            CASE WHEN a.draft_status = 'DRAFTING' THEN 'DRAFTING'
                 WHEN s.case_status = 'REPORTED' AND s.task_score IS NOT NULL THEN 'SCORED'
                 WHEN s.case_status = 'REPORTED' THEN 'INCOMPLETE'
                 ELSE 'IN_SCORING' END
            """;
    /**
     * Each candidate's latest attempts are joined once and folded into one row, a pair of columns per task, so the
     * published views are expanded once per statement. A correlated subquery per column took MariaDB almost four
     * times as long (2.4 ms against 0.66 ms a candidate), though every lookup was an index lookup either way.
     */
    private static final String REFRESH;

    static {
        StringBuilder columns = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int task = 1; task <= 4; task++) {
            columns.append(", task").append(task).append("_stage, task").append(task).append("_valid_until");
            values.append(",\n MAX(CASE WHEN a.task_number = %d THEN %s END)".formatted(task, STAGE))
                    .append(", MAX(CASE WHEN a.task_number = %d THEN s.valid_until END)".formatted(task));
        }
        REFRESH = """
                REPLACE INTO cohort_candidate_facts (candidate_id, program_code, cohort_code, score_below,
                       scores_valid_until, proposal_pending_at, average_below%s)
                SELECT r.candidate_id, r.program_code, r.cohort_code,
                       COALESCE(MAX(s.case_status = 'REPORTED'
                                    AND (s.task_score IS NULL OR s.task_score < :threshold)), FALSE),
                       MIN(CASE WHEN s.case_status = 'REPORTED' THEN s.valid_until END),
                       (SELECT MIN(p.proposed_at) FROM mentoring_pending_proposal p
                         WHERE p.candidate_id = r.candidate_id),
                       EXISTS (SELECT 1 FROM licensure_latest_decision d WHERE d.candidate_id = r.candidate_id
                                  AND d.passed = FALSE AND d.average < :passingAverage)%s
                  FROM registration_candidate r
                  LEFT JOIN drafting_latest_attempt a ON a.candidate_id = r.candidate_id
                  LEFT JOIN scoring_submission_standing s ON s.submission_id = a.submission_id
                 WHERE r.candidate_id IN (:ids)
                 GROUP BY r.candidate_id, r.program_code, r.cohort_code
                """.formatted(columns, values);
    }

    private static final int BATCH = 1_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final EntityManager entities;

    CohortFacts(NamedParameterJdbcTemplate jdbc, EntityManager entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    /**
     * The stage of a task as it stands today, on a facts row {@code f} (absent: not started); {@code task} is 1 to 4.
     */
    static String stageToday(int task) {
        if (task < 1 || task > 4) {
            throw new IllegalArgumentException("There are four tasks, not " + task);
        }
        return "CASE WHEN f.task%1$d_stage = 'SCORED' AND f.task%1$d_valid_until <= :today THEN 'EXPIRED' "
                .formatted(task) + "ELSE COALESCE(f.task%d_stage, 'NOT_STARTED') END".formatted(task);
    }

    /**
     * Works out the rows of these candidates again, in the caller's transaction. Their rows are locked first, so
     * that two changes to one candidate at once take turns, and the second works its row out from what the first
     * committed (read committed: each statement reads what has committed by the time it begins).
     */
    void refresh(Collection<Long> candidateIds) {
        if (candidateIds.isEmpty()) {
            return;
        }
        flushChanges();
        jdbc.queryForList("SELECT candidate_id FROM cohort_candidate_facts WHERE candidate_id IN (:ids) "
                + "ORDER BY candidate_id FOR UPDATE", new MapSqlParameterSource("ids", candidateIds), Long.class);
        jdbc.update(REFRESH, new MapSqlParameterSource("ids", candidateIds)
                .addValue("threshold", ScoreStanding.THRESHOLD)
                .addValue("passingAverage", LicensureRules.PASSING_AVERAGE));
    }

    /**
     * Fills in every candidate who has no row: those registered before the projection existed, or written straight
     * into the database (as the benchmarks do). Returns how many.
     */
    public int fillIn() {
        List<Long> missing = jdbc.queryForList("""
                SELECT r.candidate_id FROM registration_candidate r
                 WHERE NOT EXISTS (SELECT 1 FROM cohort_candidate_facts f WHERE f.candidate_id = r.candidate_id)
                """, new MapSqlParameterSource(), Long.class);
        for (int from = 0; from < missing.size(); from += BATCH) {
            refresh(missing.subList(from, Math.min(from + BATCH, missing.size())));
        }
        return missing.size();
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillInAtStart() {
        int filled = fillIn();
        if (filled > 0) {
            log.info("Cohort view: worked out the facts of {} candidates who had none", filled);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(RegistrationSubmitted submitted) {
        refresh(Set.of(submitted.registrationId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MentorProposed proposed) {
        refresh(Set.of(proposed.candidateId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MentorResponded responded) {
        refresh(Set.of(responded.candidateId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(MentorProposalExpired expired) {
        refresh(Set.of(expired.candidateId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DraftOpened opened) {
        refresh(candidatesOfDraft(opened.draftId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(DraftSubmitted submitted) {
        refresh(candidatesOfDraft(submitted.draftId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(TaskScoreChanged changed) {
        refresh(Set.of(changed.candidateId()));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(LicensureDecided decided) {
        refresh(Set.of(decided.candidateId()));
    }

    private List<Long> candidatesOfDraft(long draftId) {
        flushChanges();
        return jdbc.queryForList("SELECT candidate_id FROM drafting_latest_attempt WHERE draft_id = :draft",
                new MapSqlParameterSource("draft", draftId), Long.class);
    }

    /**
     * The read models are read with SQL: they must see what the transaction has changed so far. A flush here is the
     * first to meet a change made at the same moment by another request; its exception is translated as a
     * repository's would be, so that the request is answered as a conflict.
     */
    private void flushChanges() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                entities.flush();
            } catch (RuntimeException e) {
                RuntimeException translated = EntityManagerFactoryUtils.convertJpaAccessExceptionIfPossible(e);
                throw translated == null ? e : translated;
            }
        }
    }
}

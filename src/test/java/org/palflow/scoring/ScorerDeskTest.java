package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palflow.platform.security.Actor;
import org.palflow.platform.security.Role;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Limit;
import org.springframework.jdbc.core.JdbcTemplate;

/** The order of a scorer's desk, on assignments written straight into the database for a scorer of the test's own. */
class ScorerDeskTest extends PalFlowTest {

    private static final String SCORER = "desk-order-scorer";
    /** Far above any submission the other tests make. */
    private static final long FIRST_SUBMISSION = 9_100_000_000L;

    @Autowired
    ScorerWork work;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void openAssignmentsSoonestDueFirstThenTheLatestScoredFirst() {
        // Never picked for real work: inactive.
        jdbc.update("INSERT INTO scorer (username, full_name, email, district, capacity, active) "
                + "VALUES (?, 'Desk Order', 'desk.order@test.example', 'Boston Public Schools', 10, FALSE)", SCORER);
        long scorer = jdbc.queryForObject("SELECT id FROM scorer WHERE username = ?", Long.class, SCORER);
        Instant now = Instant.now();
        Duration day = Duration.ofDays(1);
        long dueLater = assignment(scorer, 1, "OPEN", now.plus(day.multipliedBy(3)), null);
        long dueSooner = assignment(scorer, 2, "OPEN", now.plus(day), null);
        long scoredEarlier = assignment(scorer, 3, "SCORED", now.plus(day), now.minus(day.multipliedBy(2)));
        long scoredLater = assignment(scorer, 4, "SCORED", now.plus(day.multipliedBy(2)), now.minus(day));
        Actor actor = new Actor(SCORER, "desk.order@test.example", Set.of(Role.SCORER));

        assertThat(ids(work.assignmentsOf(actor, Optional.empty(), Limit.unlimited())))
                .containsExactly(dueSooner, dueLater, scoredLater, scoredEarlier);
        assertThat(ids(work.assignmentsOf(actor, Optional.of(ScoringAssignment.Status.OPEN), Limit.of(1))))
                .as("the limit is on scored ones only").containsExactly(dueSooner, dueLater);
        assertThat(ids(work.assignmentsOf(actor, Optional.of(ScoringAssignment.Status.SCORED), Limit.of(1))))
                .containsExactly(scoredLater);
    }

    @AfterEach
    void removeTheDesk() {
        jdbc.update("DELETE FROM scoring_assignment WHERE submission_id >= ?", FIRST_SUBMISSION);
        jdbc.update("DELETE FROM scoring_case WHERE submission_id >= ?", FIRST_SUBMISSION);
        jdbc.update("DELETE FROM scorer WHERE username = ?", SCORER);
    }

    private long assignment(long scorer, int n, String status, Instant dueAt, Instant scoredAt) {
        long submission = FIRST_SUBMISSION + n;
        jdbc.update("INSERT INTO scoring_case (submission_id, candidate_id, task, handbook_version, status, "
                + "updated_at) VALUES (?, ?, 1, '2025-26', 'SCORING', ?)", submission, submission,
                Timestamp.from(dueAt));
        jdbc.update("INSERT INTO scoring_assignment (submission_id, scorer_id, purpose, status, assigned_at, due_at, "
                + "scored_at) VALUES (?, ?, 'FIRST', ?, ?, ?, ?)", submission, scorer, status,
                Timestamp.from(dueAt.minus(Duration.ofDays(7))), Timestamp.from(dueAt),
                scoredAt == null ? null : Timestamp.from(scoredAt));
        return jdbc.queryForObject("SELECT id FROM scoring_assignment WHERE submission_id = ?", Long.class, submission);
    }

    private static List<Long> ids(List<ScorerWork.AssignmentSummary> desk) {
        return desk.stream().map(ScorerWork.AssignmentSummary::assignmentId).toList();
    }
}

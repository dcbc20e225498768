package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A scoring case is keyed by its submission, a key known before it is stored: a new case is inserted without being
 * looked up first, and a second new case for the same submission is refused, not merged over the first.
 */
class ScoringCaseStorageTest extends PalFlowTest {

    @Autowired
    ScoringCaseRepository cases;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    /** Far above the submissions and candidates the other tests make. */
    private final long submission = ThreadLocalRandom.current().nextLong(9_200_000_000L, 9_300_000_000L);

    @Test
    void aNewCaseIsInsertedAndASecondOneForTheSameSubmissionIsRefused() {
        ScoringCase first = new ScoringCase(submission, submission, 2, "2025-26", Instant.now());
        assertThat(first.isNew()).isTrue();

        transaction.executeWithoutResult(status -> cases.save(first));

        assertThat(first.isNew()).as("once stored").isFalse();
        assertThat(cases.findById(submission)).hasValueSatisfying(loaded -> {
            assertThat(loaded.isNew()).as("once loaded").isFalse();
            assertThat(loaded.getCandidateId()).isEqualTo(submission);
        });
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> cases.saveAndFlush(
                new ScoringCase(submission, submission + 1, 2, "2025-26", Instant.now()))))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(cases.findById(submission).orElseThrow().getCandidateId()).as("the first case kept")
                .isEqualTo(submission);
    }

    /** Gone again, so that no scoring window a later test creates finds it waiting. */
    @AfterEach
    void removeTheCase() {
        jdbc.update("DELETE FROM scoring_case WHERE submission_id = ?", submission);
    }
}

package org.palflow.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How the mean of a task's indicator scores becomes the task score that is compared with the 2.10 threshold and
 * the 2.75 passing average ({@code pal.scoring.task-score-rounding}). The handbook does not say; either way a
 * report shows a score no higher than the one that counts ({@link ScoreStanding#shown}), so it never displays a
 * passing number for a failing score.
 */
public enum TaskScoreRounding {

    /** The unrounded mean counts: 2.10, 2.10, 2.10, 2.10, 2.09, 2.09 is 2.0966…, below 2.10, shown as 2.09. */
    NONE("A task score is the mean of its indicator scores, unrounded: that mean is compared with the 2.10 "
            + "threshold and goes into the 2.75 average. Scores are shown truncated to two decimals."),
    /** The mean rounded half up to two decimals counts and is shown: 2.0966… is 2.10. */
    HALF_UP("A task score is the mean of its indicator scores rounded half up to two decimals: that score is "
            + "compared with the 2.10 threshold and goes into the 2.75 average.");

    /**
     * Digits kept of an unrounded mean of indicator scores: more than {@link ScoreStanding#reaches} compares at.
     */
    static final int KEPT_DECIMALS = 10;

    private final String statement;

    TaskScoreRounding(String statement) {
        this.statement = statement;
    }

    BigDecimal taskScore(BigDecimal sumOfIndicators, int indicators) {
        BigDecimal count = BigDecimal.valueOf(indicators);
        return switch (this) {
            case NONE -> sumOfIndicators.divide(count, KEPT_DECIMALS, RoundingMode.HALF_UP);
            case HALF_UP -> sumOfIndicators.divide(count, 2, RoundingMode.HALF_UP);
        };
    }

    /** The policy in words, as the score report and the README state it. */
    public String statement() {
        return statement;
    }
}

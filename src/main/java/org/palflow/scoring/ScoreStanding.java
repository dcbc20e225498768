package org.palflow.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;

/**
 * Where a released task score stands on a given day. The one home of the rules that licensure, new attempts, the
 * cohort view and every message about a score ask: it meets the 2.10 threshold, it is still valid (a score is
 * valid until the seventh anniversary of its score-report date, on which it expires), it expires soon.
 *
 * @param taskScore the task score, or null for an Incomplete task
 * @param expiresOn the first day the score no longer counts
 */
public record ScoreStanding(BigDecimal taskScore, LocalDate expiresOn) {

    /** The handbook's threshold ("2.1") every task score must reach. */
    public static final BigDecimal THRESHOLD = new BigDecimal("2.10");
    /** How long a score counts after its score report (seed 001). */
    public static final Period VALIDITY = Period.ofYears(7);
    /** The decimals at which scores and means are compared with a bar (see {@link #reaches}). */
    public static final int COMPARED_DECIMALS = 8;

    /** The standing of a score reported on {@code reportDate}. */
    public static ScoreStanding reported(BigDecimal taskScore, LocalDate reportDate) {
        return new ScoreStanding(taskScore, reportDate.plus(VALIDITY));
    }

    public boolean incomplete() {
        return taskScore == null;
    }

    public boolean meetsThreshold() {
        return taskScore != null && reaches(taskScore, THRESHOLD);
    }

    /**
     * Whether a task score, or a mean of task scores, reaches a bar such as 2.10 or 2.75. Unrounded means keep
     * {@link TaskScoreRounding#KEPT_DECIMALS} digits, so an exact 2.75 may be stored as 2.7499999999. Any other
     * mean of two-decimal scores (rubrics of up to twelve indicators, pairwise means, four tasks) lies more than
     * 4e-8 from a two-decimal bar, so rounding to {@link #COMPARED_DECIMALS} first makes the comparison exact.
     */
    public static boolean reaches(BigDecimal score, BigDecimal bar) {
        return exact(score).compareTo(bar) >= 0;
    }

    /** A task score as every page, report and message shows it: truncated to two decimals, never above itself. */
    public static BigDecimal shown(BigDecimal taskScore) {
        return shown(taskScore, 2);
    }

    /** A score or a mean of scores truncated to {@code decimals}, so it never shows more than {@link #reaches}. */
    public static BigDecimal shown(BigDecimal score, int decimals) {
        return score == null ? null : exact(score).setScale(decimals, RoundingMode.DOWN);
    }

    private static BigDecimal exact(BigDecimal score) {
        return score.setScale(COMPARED_DECIMALS, RoundingMode.HALF_UP);
    }

    /** The last day the score counts, as every text names it ("valid through"): the day before it expires. */
    public LocalDate validThrough() {
        return expiresOn.minusDays(1);
    }

    public boolean validOn(LocalDate day) {
        return day.isBefore(expiresOn);
    }

    /** A score that settles its task on {@code day}: it meets the threshold and has not expired. */
    public boolean standsOn(LocalDate day) {
        return meetsThreshold() && validOn(day);
    }

    /** Still valid on {@code day}, but not for all of {@code period} after it. */
    public boolean expiresWithin(Period period, LocalDate day) {
        return validOn(day) && expiresOn.isBefore(day.plus(period));
    }

    /** The threshold as the handbook and every message write it: "2.10". */
    public static String threshold() {
        return THRESHOLD.toPlainString();
    }

    /** The validity period in words: "seven years". */
    public static String validity() {
        return switch (VALIDITY.getYears()) {
            case 7 -> "seven years";
            default -> VALIDITY.getYears() + " years";
        };
    }
}

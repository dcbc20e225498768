package org.palflow.scoring;

import java.math.BigDecimal;
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

    /** The standing of a score reported on {@code reportDate}. */
    public static ScoreStanding reported(BigDecimal taskScore, LocalDate reportDate) {
        return new ScoreStanding(taskScore, reportDate.plus(VALIDITY));
    }

    public boolean incomplete() {
        return taskScore == null;
    }

    public boolean meetsThreshold() {
        return taskScore != null && taskScore.compareTo(THRESHOLD) >= 0;
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

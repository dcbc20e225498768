package org.palflow.licensure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.palflow.scoring.ScoreStanding;

/**
 * The PAL performance standard (seed 004, DOMAIN.md) and the transition rules (seed 001), in one place:
 * <ul>
 * <li>each of the four tasks needs a valid score of at least 2.10: released, not voided, not Incomplete, and
 * within seven years of its score-report date (a score expires on the seventh anniversary of that date);
 * <li>old-handbook Tasks 1–2 count only if submitted by their handbook's cut-off (July 10, 2025), and passing
 * scores earned before the transition stay honoured for their seven years;
 * <li>a complete, scorable pilot submission counts as at least 2.75;
 * <li>the per-task score used is that of the latest valid attempt (by submission date);
 * <li>the mean of the four task scores must be at least 2.75 (four tasks at exactly 2.10 do not pass); a
 * candidate whose every task meets the threshold but whose mean falls short may attempt any task again.
 * </ul>
 * The tasks a decision names to redo are the tasks that may be drafted again.
 * Every rule's outcome is explained with its numbers.
 */
public final class LicensureRules {

    /** The mean of the four task scores a pass needs. */
    public static final BigDecimal PASSING_AVERAGE = new BigDecimal("2.75");
    /** What a complete, scorable pilot submission counts as, at least. */
    static final BigDecimal PILOT_FLOOR = new BigDecimal("2.75");

    /** One released (or voided) result of one submission of one task. */
    public record Attempt(long submissionId, int task, String handbookVersion, LocalDate submittedOn,
            BigDecimal taskScore, boolean voided, LocalDate reportDate, LocalDate validUntil, boolean pilot,
            LocalDate tasks12SubmitBy) {

        ScoreStanding standing() {
            return new ScoreStanding(taskScore, validUntil);
        }
    }

    public record RuleOutcome(String rule, boolean passed, String explanation) {
    }

    /** The task scores that count (null where a task has none) and each rule's outcome. */
    public record Decision(boolean passed, List<BigDecimal> taskScores, List<Long> countedSubmissions,
            BigDecimal average, List<RuleOutcome> rules, List<Integer> tasksToRedo) {
    }

    private LicensureRules() {
    }

    public static Decision decide(List<Attempt> attempts, LocalDate today) {
        List<RuleOutcome> rules = new ArrayList<>();
        List<BigDecimal> scores = new ArrayList<>();
        List<Long> counted = new ArrayList<>();
        List<Integer> redo = new ArrayList<>();
        for (int task = 1; task <= 4; task++) {
            int number = task;
            List<Attempt> ofTask = attempts.stream().filter(attempt -> attempt.task() == number).toList();
            Optional<Attempt> latest = ofTask.stream().filter(attempt -> counts(attempt, today))
                    .max(Comparator.comparing(Attempt::submittedOn).thenComparingLong(Attempt::submissionId));
            if (latest.isEmpty()) {
                scores.add(null);
                counted.add(null);
                redo.add(task);
                rules.add(new RuleOutcome("task-" + task + "-valid-score", false, "Task " + task + ": "
                        + whyNone(ofTask, today) + " Draft Task " + task + " again."));
                continue;
            }
            Attempt attempt = latest.get();
            BigDecimal score = effectiveScore(attempt);
            scores.add(score);
            counted.add(attempt.submissionId());
            boolean meets = new ScoreStanding(score, attempt.validUntil()).meetsThreshold();
            if (!meets) {
                redo.add(task);
            }
            rules.add(new RuleOutcome("task-" + task + "-valid-score", meets, "Task " + task + ": "
                    + ScoreStanding.shown(score) + (attempt.pilot() && score.compareTo(attempt.taskScore()) != 0
                            ? " (pilot submission scored " + ScoreStanding.shown(attempt.taskScore())
                                    + ", counted as at least " + PILOT_FLOOR + ")" : "")
                    + (meets ? " meets" : " is below") + " the " + ScoreStanding.threshold() + " threshold (submission "
                    + attempt.submissionId() + ", handbook " + attempt.handbookVersion() + ", valid through "
                    + attempt.standing().validThrough() + ")."));
        }
        BigDecimal average = null;
        if (scores.stream().allMatch(score -> score != null)) {
            BigDecimal sum = scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            // Kept at the decimals comparisons use, so the stored mean compares in SQL as it does here.
            average = sum.divide(BigDecimal.valueOf(4), ScoreStanding.COMPARED_DECIMALS, RoundingMode.HALF_UP);
            boolean passesAverage = ScoreStanding.reaches(average, PASSING_AVERAGE);
            String explanation = "The mean of the four task scores is " + shownAverage(average).toPlainString()
                    + ", " + (passesAverage ? "at least" : "below") + " the " + PASSING_AVERAGE + " needed to pass.";
            if (!passesAverage && redo.isEmpty()) {
                // Every task meets the threshold, so only a better score on some task can raise the mean.
                redo.addAll(lowestFirst(scores));
                explanation += " It is " + shortOf(average) + " short: any task may be drafted again to raise it, "
                        + "the lowest first (" + redo.stream().map(task -> "Task " + task + ": "
                                + ScoreStanding.shown(scores.get(task - 1))).collect(Collectors.joining(", ")) + ").";
            }
            rules.add(new RuleOutcome("average", passesAverage, explanation));
        } else {
            rules.add(new RuleOutcome("average", false, "The mean of the four task scores needs a valid score on "
                    + "every task."));
        }
        boolean passed = rules.stream().allMatch(RuleOutcome::passed);
        return new Decision(passed, scores, counted, average, rules, redo);
    }

    /** The mean as messages, pages, the API and the state see it: up to four decimals, truncated like scores. */
    public static BigDecimal shownAverage(BigDecimal average) {
        return average == null ? null : ScoreStanding.shown(average, 4).stripTrailingZeros();
    }

    /** How far a mean falls short of the passing average, rounded up so it is never understated. */
    private static String shortOf(BigDecimal average) {
        return PASSING_AVERAGE.subtract(average).setScale(4, RoundingMode.UP)
                .stripTrailingZeros().toPlainString();
    }

    private static List<Integer> lowestFirst(List<BigDecimal> scores) {
        return IntStream.rangeClosed(1, 4).boxed()
                .sorted(Comparator.comparing((Integer task) -> scores.get(task - 1)).thenComparing(task -> task))
                .toList();
    }

    static boolean counts(Attempt attempt, LocalDate today) {
        return !attempt.voided() && !attempt.standing().incomplete() && attempt.standing().validOn(today)
                && !missedCutOff(attempt);
    }

    private static boolean missedCutOff(Attempt attempt) {
        return attempt.task() <= 2 && attempt.tasks12SubmitBy() != null
                && attempt.submittedOn().isAfter(attempt.tasks12SubmitBy());
    }

    private static BigDecimal effectiveScore(Attempt attempt) {
        return attempt.pilot() ? attempt.taskScore().max(PILOT_FLOOR) : attempt.taskScore();
    }

    private static String whyNone(List<Attempt> ofTask, LocalDate today) {
        if (ofTask.isEmpty()) {
            return "no released score.";
        }
        Attempt latest = ofTask.stream().max(Comparator.comparing(Attempt::submittedOn)).orElseThrow();
        if (latest.voided()) {
            return "the latest submission (" + latest.submissionId() + ") was voided.";
        }
        if (latest.taskScore() == null) {
            return "the latest submission (" + latest.submissionId() + ") is Incomplete (condition code).";
        }
        if (missedCutOff(latest)) {
            return "submission " + latest.submissionId() + " under handbook " + latest.handbookVersion()
                    + " was submitted on " + latest.submittedOn() + ", after that handbook's cut-off of "
                    + latest.tasks12SubmitBy() + " for Tasks 1-2.";
        }
        if (!latest.standing().validOn(today)) {
            return "the score " + ScoreStanding.shown(latest.taskScore()) + " of submission " + latest.submissionId() + " expired on "
                    + latest.validUntil() + " (" + ScoreStanding.validity() + " from its score report).";
        }
        return "no valid score.";
    }
}

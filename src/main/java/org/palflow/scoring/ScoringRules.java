package org.palflow.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every rule that turns scorers' marks into a task result, in one place.
 * <ul>
 * <li>An indicator gets a score from 1.00 to 4.00 (two decimals) or a condition code; its band comes from the
 * rubric. Any condition code makes the task Incomplete: the other indicators get X and there is no task score.
 * <li>Task score: the mean of the indicator scores (the handbook does not say how indicator scores make a task
 * score; DOMAIN.md says to default to the mean), unrounded or rounded as {@link TaskScoreRounding} is configured.
 * <li>A task score within {@code pal.scoring.second-scoring-margin} of the 2.10 threshold is scored a second time.
 * Two results that agree (both Incomplete, or scores no more than {@code pal.scoring.adjudication-gap} apart) stand
 * as their mean, indicator by indicator and unrounded (2.10 and 2.11 make 2.105), so the task score is rounded at
 * most once; otherwise an adjudicating scorer scores it and that result stands.
 * <li>On rescoring, the new result stands if it differs from the original by more than
 * {@code pal.scoring.rescoring-gap} (or one is Incomplete and the other not); otherwise the original is confirmed.
 * </ul>
 */
@Component
public class ScoringRules {

    /** The handbook's threshold, owned by {@link ScoreStanding}. */
    public static final BigDecimal THRESHOLD = ScoreStanding.THRESHOLD;
    /** What an indicator shows when a condition code elsewhere leaves the task unscored. */
    public static final String NO_SCORE = "X";
    private static final BigDecimal LOWEST = new BigDecimal("1.00");
    private static final BigDecimal HIGHEST = new BigDecimal("4.00");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** One scorer's mark for one indicator: a score or a condition code, never both. */
    public record Mark(BigDecimal score, String conditionCode) {

        public static Mark score(String score) {
            return new Mark(new BigDecimal(score), null);
        }

        public static Mark code(String conditionCode) {
            return new Mark(null, conditionCode);
        }
    }

    /** Per indicator: a score and its band, or a condition code (X where the code was applied elsewhere). */
    public record IndicatorResult(BigDecimal score, String band, String conditionCode) {
    }

    public record TaskResult(BigDecimal taskScore, List<String> conditionCodes,
            Map<String, IndicatorResult> indicators) {

        public boolean incomplete() {
            return taskScore == null;
        }

        public boolean meetsThreshold() {
            return taskScore != null && ScoreStanding.reaches(taskScore, THRESHOLD);
        }

        public BigDecimal shownTaskScore() {
            return ScoreStanding.shown(taskScore);
        }
    }

    public enum NextStep { NONE, SECOND_SCORING, ADJUDICATION }

    /** After each scoring: whether another is needed, and otherwise which result stands and why. */
    public record Outcome(NextStep next, TaskResult standing, String basis) {
    }

    public record RescoringOutcome(boolean changed, TaskResult standing, String basis) {
    }

    /** Marks that break the rubric; the scorer is told every problem at once. */
    public static final class InvalidMarks extends RuntimeException {

        private final List<String> problems;

        InvalidMarks(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final BigDecimal secondScoringMargin;
    private final BigDecimal adjudicationGap;
    private final BigDecimal rescoringGap;
    private final TaskScoreRounding rounding;

    @Autowired
    ScoringRules(ScoringProperties properties) {
        this(properties.secondScoringMargin(), properties.adjudicationGap(), properties.rescoringGap(),
                properties.taskScoreRounding());
    }

    ScoringRules(BigDecimal secondScoringMargin, BigDecimal adjudicationGap, BigDecimal rescoringGap,
            TaskScoreRounding rounding) {
        this.secondScoringMargin = secondScoringMargin;
        this.adjudicationGap = adjudicationGap;
        this.rescoringGap = rescoringGap;
        this.rounding = rounding;
    }

    /**
     * One scorer's result. {@code taskConditionCode}, when given, is a code for the whole task: every indicator
     * shows X. Otherwise {@code marks} must hold exactly the rubric's indicators.
     */
    public TaskResult score(Rubric rubric, String taskConditionCode, Map<String, Mark> marks) {
        List<String> problems = new ArrayList<>();
        if (taskConditionCode != null) {
            checkCode(rubric, taskConditionCode, "the task", problems);
            throwIfAny(problems);
            Map<String, IndicatorResult> indicators = new LinkedHashMap<>();
            rubric.indicatorCodes().forEach(code -> indicators.put(code, new IndicatorResult(null, null, NO_SCORE)));
            return new TaskResult(null, List.of(taskConditionCode), indicators);
        }
        Map<String, Mark> given = marks == null ? Map.of() : marks;
        given.keySet().stream().filter(code -> !rubric.indicatorCodes().contains(code))
                .forEach(code -> problems.add(code + " is not an indicator of task " + rubric.task()));
        for (String code : rubric.indicatorCodes()) {
            Mark mark = given.get(code);
            if (mark == null || (mark.score() == null) == (mark.conditionCode() == null)) {
                problems.add(code + " needs either a score or a condition code");
            } else if (mark.score() != null) {
                checkScore(code, mark.score(), problems);
            } else {
                checkCode(rubric, mark.conditionCode(), code, problems);
            }
        }
        throwIfAny(problems);
        List<String> codes = rubric.indicatorCodes().stream().map(code -> given.get(code).conditionCode())
                .filter(Objects::nonNull).distinct().toList();
        Map<String, IndicatorResult> indicators = new LinkedHashMap<>();
        for (String code : rubric.indicatorCodes()) {
            Mark mark = given.get(code);
            indicators.put(code, mark.conditionCode() != null ? new IndicatorResult(null, null, mark.conditionCode())
                    : codes.isEmpty() ? scored(rubric, mark.score()) : new IndicatorResult(null, null, NO_SCORE));
        }
        return new TaskResult(codes.isEmpty() ? mean(indicators) : null, codes, indicators);
    }

    public Outcome afterScorings(Rubric rubric, List<TaskResult> results) {
        TaskResult first = results.get(0);
        if (results.size() == 1) {
            boolean nearThreshold = !first.incomplete()
                    && first.taskScore().subtract(THRESHOLD).abs().compareTo(secondScoringMargin) <= 0;
            return nearThreshold ? new Outcome(NextStep.SECOND_SCORING, null, null)
                    : new Outcome(NextStep.NONE, first, "single scoring");
        }
        if (results.size() == 2) {
            TaskResult second = results.get(1);
            if (first.incomplete() && second.incomplete()) {
                return new Outcome(NextStep.NONE, first, "two scorings agree the task is Incomplete; the first stands");
            }
            if (first.incomplete() != second.incomplete()
                    || first.taskScore().subtract(second.taskScore()).abs().compareTo(adjudicationGap) > 0) {
                return new Outcome(NextStep.ADJUDICATION, null, null);
            }
            return new Outcome(NextStep.NONE, meanOf(rubric, first, second), "mean of two agreeing scorings");
        }
        return new Outcome(NextStep.NONE, results.get(results.size() - 1), "adjudicated: the adjudicator's result stands");
    }

    public RescoringOutcome afterRescoring(TaskResult original, TaskResult rescored) {
        boolean changed = original.incomplete() != rescored.incomplete() || (!original.incomplete()
                && original.taskScore().subtract(rescored.taskScore()).abs().compareTo(rescoringGap) > 0);
        return changed ? new RescoringOutcome(true, rescored, "rescoring differs beyond " + rescoringGap + "; it stands")
                : new RescoringOutcome(false, original, "rescoring within " + rescoringGap + "; the original is confirmed");
    }

    private TaskResult meanOf(Rubric rubric, TaskResult first, TaskResult second) {
        Map<String, IndicatorResult> indicators = new LinkedHashMap<>();
        first.indicators().forEach((code, result) -> indicators.put(code, scored(rubric,
                result.score().add(second.indicators().get(code).score()).divide(TWO, 3, RoundingMode.UNNECESSARY))));
        return new TaskResult(mean(indicators), List.of(), indicators);
    }

    private static IndicatorResult scored(Rubric rubric, BigDecimal score) {
        // Two decimals as scorers give them; a mean of two scorings may have a third (2.105).
        BigDecimal exact = score.setScale(Math.max(2, score.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
        return new IndicatorResult(exact, rubric.bandOf(exact).map(Rubric.Band::name).orElseThrow(), null);
    }

    private BigDecimal mean(Map<String, IndicatorResult> indicators) {
        BigDecimal sum = indicators.values().stream().map(IndicatorResult::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        return rounding.taskScore(sum, indicators.size());
    }

    private static void checkScore(String indicator, BigDecimal score, List<String> problems) {
        if (score.compareTo(LOWEST) < 0 || score.compareTo(HIGHEST) > 0 || score.stripTrailingZeros().scale() > 2) {
            problems.add(indicator + ": a score is 1.00 to 4.00 with at most two decimals, not " + score.toPlainString());
        }
    }

    private static void checkCode(Rubric rubric, String code, String where, List<String> problems) {
        if (!rubric.conditionCodes().containsKey(code)) {
            problems.add(where + ": condition code " + code + " does not apply to task " + rubric.task() + " (allowed: "
                    + String.join(", ", rubric.conditionCodes().keySet()) + ")");
        }
    }

    private static void throwIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidMarks(problems);
        }
    }
}

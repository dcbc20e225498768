package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.palflow.scoring.ScoringRules.Mark;
import org.palflow.scoring.ScoringRules.NextStep;
import org.palflow.scoring.ScoringRules.TaskResult;
import org.springframework.core.io.ClassPathResource;

/** The scoring rules against cases taken from the handbook (seed 004) and DOMAIN.md. */
class ScoringRulesTest {

    static final Map<String, Rubric> RUBRICS = RubricCatalog.load(new ClassPathResource("rubrics/2025-26/task-1.json"),
            new ClassPathResource("rubrics/2025-26/task-2.json"));
    static final Rubric TASK_1 = RUBRICS.get("2025-26/1");
    static final Rubric TASK_2 = RUBRICS.get("2025-26/2");
    static final ScoringRules RULES = rules(TaskScoreRounding.NONE);

    static ScoringRules rules(TaskScoreRounding rounding) {
        return new ScoringRules(new BigDecimal("0.15"), new BigDecimal("0.50"), new BigDecimal("0.25"), rounding);
    }

    @ParameterizedTest(name = "{0} is {1}; threshold met: {2}")
    @CsvSource({
        "1.00, Beginning,  false",
        "2.09, Beginning,  false",
        "2.10, Developing, true",
        "2.74, Developing, true",
        "2.75, Meeting,    true",
        "3.49, Meeting,    true",
        "3.50, Exceeding,  true",
        "4.00, Exceeding,  true"})
    void bandsAtTheirEdges(String score, String band, boolean meetsThreshold) {
        TaskResult result = RULES.score(TASK_2, null, allIndicators(score));
        assertThat(result.taskScore()).isEqualByComparingTo(score);
        assertThat(result.indicators().values()).allSatisfy(indicator -> assertThat(indicator.band()).isEqualTo(band));
        assertThat(result.meetsThreshold()).isEqualTo(meetsThreshold);
        assertThat(result.incomplete()).isFalse();
    }

    @Test
    void theUnroundedMeanOfTheIndicatorsIsTheTaskScoreAndIsShownTruncated() {
        TaskResult failing = RULES.score(TASK_2, null, marks("2.10", "2.10", "2.10", "2.10", "2.09", "2.09"));
        assertThat(failing.taskScore()).as("12.58 / 6").isEqualByComparingTo("2.0966666667");
        assertThat(failing.meetsThreshold()).as("2.0966… is below 2.10, though it rounds half up to 2.10").isFalse();
        assertThat(ScoreStanding.shown(failing.taskScore())).isEqualByComparingTo("2.09");
        TaskResult exactlyAtTheThreshold = RULES.score(TASK_2, null, marks("2.00", "2.20", "2.10", "2.10", "2.10", "2.10"));
        assertThat(exactlyAtTheThreshold.meetsThreshold()).isTrue();
        assertThat(ScoreStanding.shown(exactlyAtTheThreshold.taskScore())).isEqualByComparingTo("2.10");
        TaskResult twoThirds = RULES.score(TASK_2, null, marks("2.75", "2.75", "2.75", "2.76", "2.76", "2.77"));
        assertThat(ScoreStanding.shown(twoThirds.taskScore())).as("16.54 / 6 = 2.7566…").hasToString("2.75");
        assertThat(twoThirds.indicators().get("2.a.1").band()).isEqualTo("Meeting");
    }

    @Test
    void roundedHalfUpTheRoundedMeanCountsAndIsShown() {
        ScoringRules rounded = rules(TaskScoreRounding.HALF_UP);
        TaskResult result = rounded.score(TASK_2, null, marks("2.10", "2.10", "2.10", "2.10", "2.09", "2.09"));
        assertThat(result.taskScore()).hasToString("2.10");
        assertThat(result.meetsThreshold()).isTrue();
        assertThat(ScoreStanding.shown(result.taskScore())).hasToString("2.10");
        assertThat(rounded.score(TASK_2, null, marks("2.75", "2.75", "2.75", "2.76", "2.76", "2.76")).taskScore())
                .as("16.53 / 6 = 2.755, half up").hasToString("2.76");
    }

    @Test
    void aConditionCodeOnOneIndicatorMakesTheTaskIncomplete() {
        Map<String, Mark> marks = marks("3.00", "3.00", "3.00", "3.00", "3.00", "3.00");
        marks.put("2.b.1", Mark.code("E"));
        TaskResult result = RULES.score(TASK_2, null, marks);
        assertThat(result.incomplete()).isTrue();
        assertThat(result.taskScore()).isNull();
        assertThat(result.meetsThreshold()).isFalse();
        assertThat(result.conditionCodes()).containsExactly("E");
        assertThat(result.indicators().get("2.b.1").conditionCode()).isEqualTo("E");
        assertThat(result.indicators()).hasSize(6).allSatisfy((code, indicator) -> {
            assertThat(indicator.score()).isNull();
            assertThat(indicator.conditionCode()).isEqualTo(code.equals("2.b.1") ? "E" : "X");
        });
    }

    @Test
    void aConditionCodeForTheWholeTaskLeavesEveryIndicatorX() {
        TaskResult result = RULES.score(TASK_2, "C", null);
        assertThat(result.incomplete()).isTrue();
        assertThat(result.conditionCodes()).containsExactly("C");
        assertThat(result.indicators().values()).hasSize(6)
                .allSatisfy(indicator -> assertThat(indicator.conditionCode()).isEqualTo("X"));
    }

    @Test
    void marksThatBreakTheRubricAreRefusedWithEveryReason() {
        Map<String, Mark> marks = marks("0.99", "4.01", "2.105", "3.00", "3.00", "3.00");
        marks.remove("2.c.2");
        marks.put("9.z.9", Mark.score("3.00"));
        marks.put("2.c.1", Mark.code("X"));
        assertThatThrownBy(() -> RULES.score(TASK_2, null, marks))
                .isInstanceOfSatisfying(ScoringRules.InvalidMarks.class, invalid -> assertThat(invalid.problems())
                        .containsExactlyInAnyOrder(
                                "9.z.9 is not an indicator of task 2",
                                "2.a.1: a score is 1.00 to 4.00 with at most two decimals, not 0.99",
                                "2.a.2: a score is 1.00 to 4.00 with at most two decimals, not 4.01",
                                "2.b.1: a score is 1.00 to 4.00 with at most two decimals, not 2.105",
                                "2.c.1: condition code X does not apply to task 2 (allowed: B, C, E, F)",
                                "2.c.2 needs either a score or a condition code"));
        assertThatThrownBy(() -> RULES.score(TASK_1, "E", null)).hasMessage(
                "the task: condition code E does not apply to task 1 (allowed: B, C)");
    }

    @ParameterizedTest(name = "task score {0}: second scoring {1}")
    @CsvSource({"2.25, true", "2.26, false", "1.95, true", "1.94, false", "2.10, true", "3.50, false"})
    void aScoreNearTheThresholdIsScoredAgain(String score, boolean second) {
        TaskResult first = RULES.score(TASK_2, null, allIndicators(score));
        ScoringRules.Outcome outcome = RULES.afterScorings(TASK_2, List.of(first));
        assertThat(outcome.next()).isEqualTo(second ? NextStep.SECOND_SCORING : NextStep.NONE);
        assertThat(outcome.standing()).isEqualTo(second ? null : first);
    }

    @Test
    void anIncompleteTaskIsNotScoredAgain() {
        ScoringRules.Outcome outcome = RULES.afterScorings(TASK_2, List.of(RULES.score(TASK_2, "C", null)));
        assertThat(outcome.next()).isEqualTo(NextStep.NONE);
        assertThat(outcome.standing().conditionCodes()).containsExactly("C");
    }

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({
        "2.00, 2.50, NONE,         2.25",
        "2.00, 2.51, ADJUDICATION, ",
        "2.20, 2.00, NONE,         2.10",
        "2.05, 2.10, NONE,         2.075"})
    void twoScoringsStandAsTheirMeanUnlessTheyDisagree(String first, String second, NextStep next, String standing) {
        ScoringRules.Outcome outcome = RULES.afterScorings(TASK_2, List.of(
                RULES.score(TASK_2, null, allIndicators(first)), RULES.score(TASK_2, null, allIndicators(second))));
        assertThat(outcome.next()).isEqualTo(next);
        if (standing != null) {
            assertThat(outcome.standing().taskScore()).isEqualByComparingTo(standing);
            assertThat(outcome.basis()).isEqualTo("mean of two agreeing scorings");
        }
    }

    @Test
    void twoScoringsAreAveragedUnroundedSoTheScoreIsNotRoundedTwice() {
        ScoringRules.Outcome outcome = RULES.afterScorings(TASK_2, List.of(
                RULES.score(TASK_2, null, allIndicators("2.10")),
                RULES.score(TASK_2, null, marks("2.09", "2.10", "2.10", "2.10", "2.10", "2.10"))));
        TaskResult standing = outcome.standing();
        assertThat(standing.indicators().get("2.a.1").score()).hasToString("2.095");
        assertThat(standing.indicators().get("2.a.1").band()).isEqualTo("Beginning");
        assertThat(standing.taskScore()).as("12.595 / 6").isEqualByComparingTo("2.0991666667");
        assertThat(standing.meetsThreshold()).isFalse();
    }

    @Test
    void incompleteAgainstAScoreIsAdjudicatedAndTheAdjudicatorStands() {
        TaskResult incomplete = RULES.score(TASK_2, "C", null);
        TaskResult scored = RULES.score(TASK_2, null, allIndicators("2.20"));
        assertThat(RULES.afterScorings(TASK_2, List.of(scored, incomplete)).next()).isEqualTo(NextStep.ADJUDICATION);
        TaskResult adjudicated = RULES.score(TASK_2, null, allIndicators("2.40"));
        ScoringRules.Outcome outcome = RULES.afterScorings(TASK_2, List.of(scored, incomplete, adjudicated));
        assertThat(outcome.next()).isEqualTo(NextStep.NONE);
        assertThat(outcome.standing()).isEqualTo(adjudicated);
        assertThat(outcome.basis()).isEqualTo("adjudicated: the adjudicator's result stands");
    }

    @ParameterizedTest(name = "original {0}, rescored {1}: changed {2}")
    @CsvSource({"2.00, 2.30, true", "2.00, 2.25, false", "2.50, 2.24, true", "2.50, 2.26, false"})
    void aRescoringStandsOnlyBeyondTheGap(String original, String rescored, boolean changed) {
        TaskResult before = RULES.score(TASK_2, null, allIndicators(original));
        TaskResult after = RULES.score(TASK_2, null, allIndicators(rescored));
        ScoringRules.RescoringOutcome outcome = RULES.afterRescoring(before, after);
        assertThat(outcome.changed()).isEqualTo(changed);
        assertThat(outcome.standing()).isEqualTo(changed ? after : before);
        assertThat(RULES.afterRescoring(before, RULES.score(TASK_2, "C", null)).changed()).isTrue();
    }

    @Test
    void rubricsThatBreakTheHandbookRulesAreRefused() {
        Rubric gap = new Rubric("2025-26", 2, "t", "n", List.of(new Rubric.Band("Low", new BigDecimal("1.00"),
                new BigDecimal("2.00")), new Rubric.Band("High", new BigDecimal("2.10"), new BigDecimal("4.00"))),
                Map.of("X", "no"), List.of());
        assertThat(RubricCatalog.violations(gap)).containsExactly("a rubric needs indicators",
                "conditionCodes must be given, and X is not one a scorer applies",
                "band High must start at 2.01 and not end before it starts");
    }

    private static Map<String, Mark> allIndicators(String score) {
        return marks(score, score, score, score, score, score);
    }

    private static Map<String, Mark> marks(String... scores) {
        Map<String, Mark> marks = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            marks.put(TASK_2.indicatorCodes().get(i), Mark.score(scores[i]));
        }
        return marks;
    }
}

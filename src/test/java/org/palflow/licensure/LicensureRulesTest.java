package org.palflow.licensure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.palflow.licensure.LicensureRules.Attempt;
import org.palflow.licensure.LicensureRules.Decision;

/** The licensure decision against cases built from the seeds' rules, boundaries included, with explanations. */
class LicensureRulesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    static final LocalDate CUT_OFF = LocalDate.parse("2025-07-10");

    @ParameterizedTest(name = "{0} {1} {2} {3}: passed {4}, average {5}")
    @CsvSource({
        "2.75, 2.75, 2.75, 2.75, true,  2.75",
        "2.10, 2.10, 2.10, 2.10, false, 2.1",
        "2.10, 3.00, 3.00, 2.90, true,  2.75",
        "2.10, 3.00, 3.00, 2.89, false, 2.7475",
        "2.09, 3.50, 3.50, 3.50, false, 3.1475",
        "4.00, 4.00, 4.00, 1.00, false, 3.25"})
    void everyTaskAtTheThresholdAndAnAverageOfTwoSeventyFive(String t1, String t2, String t3, String t4,
            boolean passed, String average) {
        Decision decision = LicensureRules.decide(List.of(attempt(1, 1, t1), attempt(2, 2, t2), attempt(3, 3, t3),
                attempt(4, 4, t4)), TODAY);
        assertThat(decision.passed()).isEqualTo(passed);
        assertThat(decision.average()).isEqualByComparingTo(average);
        RulesSeen rules = new RulesSeen(decision);
        assertThat(rules.explanation("average")).contains("is " + new BigDecimal(average).toPlainString());
        if (new BigDecimal(t1).compareTo(new BigDecimal("2.10")) < 0) {
            assertThat(rules.passed("task-1-valid-score")).isFalse();
            assertThat(rules.explanation("task-1-valid-score")).isEqualTo("Task 1: 2.09 is below the 2.10 threshold "
                    + "(submission 1, handbook 2025-26, valid through 2032-06-17).");
            assertThat(decision.tasksToRedo()).containsExactly(1);
        }
    }

    @Test
    void everyTaskMeetingTheThresholdWithAMeanBelowTwoSeventyFiveMayAttemptAnyTaskAgainLowestFirst() {
        Decision decision = LicensureRules.decide(List.of(attempt(1, 1, "2.30"), attempt(2, 2, "2.10"),
                attempt(3, 3, "2.60"), attempt(4, 4, "2.10")), TODAY);
        assertThat(decision.passed()).isFalse();
        assertThat(decision.tasksToRedo()).as("not stuck: any task, the lowest first").containsExactly(2, 4, 1, 3);
        assertThat(new RulesSeen(decision).explanation("average")).isEqualTo("The mean of the four task scores is "
                + "2.275, below the 2.75 needed to pass. It is 0.475 short: any task may be drafted again "
                + "to raise it, the lowest first (Task 2: 2.10, Task 4: 2.10, Task 1: 2.30, Task 3: 2.60).");

        Decision withATaskBelow = LicensureRules.decide(List.of(attempt(1, 1, "2.30"), attempt(2, 2, "2.00"),
                attempt(3, 3, "2.60"), attempt(4, 4, "2.10")), TODAY);
        assertThat(withATaskBelow.tasksToRedo()).as("a task below the threshold comes first").containsExactly(2);
    }

    @Test
    void unroundedScoresAreComparedExactlyAndShownTruncated() {
        Decision belowByAFraction = LicensureRules.decide(List.of(attempt(1, 1, "2.0966666667"),
                attempt(2, 2, "3.00"), attempt(3, 3, "3.00"), attempt(4, 4, "3.00")), TODAY);
        assertThat(belowByAFraction.tasksToRedo()).containsExactly(1);
        assertThat(new RulesSeen(belowByAFraction).explanation("task-1-valid-score"))
                .startsWith("Task 1: 2.09 is below the 2.10 threshold");

        Decision exactlyTheAverage = LicensureRules.decide(List.of(attempt(1, 1, "2.7333333333"),
                attempt(2, 2, "2.7333333333"), attempt(3, 3, "2.7333333333"), attempt(4, 4, "2.80")), TODAY);
        assertThat(exactlyTheAverage.passed()).as("(8.2 + 2.8) / 4 is 2.75, though the kept digits sum to 10.9999999999")
                .isTrue();
        assertThat(new RulesSeen(exactlyTheAverage).explanation("average"))
                .isEqualTo("The mean of the four task scores is 2.75, at least the 2.75 needed to pass.");

        Decision justBelow = LicensureRules.decide(List.of(attempt(1, 1, "2.7483333333"), attempt(2, 2, "2.75"),
                attempt(3, 3, "2.75"), attempt(4, 4, "2.75")), TODAY);
        assertThat(justBelow.passed()).isFalse();
        assertThat(new RulesSeen(justBelow).explanation("average")).startsWith("The mean of the four task scores is "
                + "2.7495, below the 2.75 needed to pass. It is 0.0005 short");
    }

    @Test
    void aScoreExpiresOnTheSeventhAnniversaryOfItsReportAndTheCandidateIsToldWhichTaskToRedo() {
        Attempt task3 = new Attempt(3, 3, "2025-26", LocalDate.parse("2019-05-01"), new BigDecimal("3.00"), false,
                LocalDate.parse("2019-06-18"), LocalDate.parse("2026-06-18"), false, null);
        List<Attempt> attempts = List.of(attempt(1, 1, "3.00"), attempt(2, 2, "3.00"), task3, attempt(4, 4, "3.00"));

        Decision dayBefore = LicensureRules.decide(attempts, LocalDate.parse("2026-06-17"));
        assertThat(dayBefore.passed()).isTrue();
        Decision onTheDay = LicensureRules.decide(attempts, LocalDate.parse("2026-06-18"));
        assertThat(onTheDay.passed()).isFalse();
        assertThat(onTheDay.tasksToRedo()).containsExactly(3);
        assertThat(new RulesSeen(onTheDay).explanation("task-3-valid-score")).isEqualTo("Task 3: the score 3.00 of "
                + "submission 3 expired on 2026-06-18 (seven years from its score report). Draft Task 3 again.");
        assertThat(onTheDay.average()).isNull();
    }

    @Test
    void oldHandbookTasksOneAndTwoCountOnlyIfSubmittedByJulyTenth2025AndStayHonouredAfterTheTransition() {
        Attempt onTheDay = old(1, 1, "2025-07-10", "2.80");
        Attempt dayAfter = old(2, 2, "2025-07-11", "3.00");
        List<Attempt> attempts = List.of(onTheDay, dayAfter, attempt(3, 3, "3.00"), attempt(4, 4, "3.00"));
        Decision decision = LicensureRules.decide(attempts, TODAY);
        RulesSeen rules = new RulesSeen(decision);
        assertThat(rules.passed("task-1-valid-score")).isTrue();
        assertThat(rules.passed("task-2-valid-score")).isFalse();
        assertThat(rules.explanation("task-2-valid-score")).isEqualTo("Task 2: submission 2 under handbook 2024-25 "
                + "was submitted on 2025-07-11, after that handbook's cut-off of 2025-07-10 for Tasks 1-2. "
                + "Draft Task 2 again.");

        Attempt honoured = old(2, 2, "2024-05-01", "2.90");
        Decision withHonouredScore = LicensureRules.decide(List.of(onTheDay, honoured, attempt(3, 3, "2.60"),
                attempt(4, 4, "2.70")), TODAY);
        assertThat(withHonouredScore.passed()).isTrue();
        assertThat(withHonouredScore.average()).isEqualByComparingTo("2.75");
        Attempt oldTask3 = old(3, 3, "2025-09-01", "3.00");
        assertThat(LicensureRules.counts(oldTask3, TODAY)).as("the cut-off is for Tasks 1-2 only").isTrue();
    }

    @Test
    void aCompleteScorablePilotSubmissionCountsAsAtLeastTwoSeventyFive() {
        Attempt pilot = new Attempt(1, 1, "2024-25-pilot", LocalDate.parse("2024-04-01"), new BigDecimal("2.30"),
                false, LocalDate.parse("2024-06-01"), LocalDate.parse("2031-06-01"), true, null);
        Decision decision = LicensureRules.decide(List.of(pilot, attempt(2, 2, "2.75"), attempt(3, 3, "2.75"),
                attempt(4, 4, "2.75")), TODAY);
        assertThat(decision.passed()).isTrue();
        assertThat(decision.taskScores().get(0)).isEqualByComparingTo("2.75");
        assertThat(new RulesSeen(decision).explanation("task-1-valid-score"))
                .contains("pilot submission scored 2.30, counted as at least 2.75");
        Attempt incompletePilot = new Attempt(1, 1, "2024-25-pilot", LocalDate.parse("2024-04-01"), null, false,
                LocalDate.parse("2024-06-01"), LocalDate.parse("2031-06-01"), true, null);
        assertThat(LicensureRules.counts(incompletePilot, TODAY)).as("not scorable").isFalse();
    }

    @Test
    void theLatestValidAttemptCountsAndVoidedOrIncompleteAttemptsNever() {
        List<Attempt> attempts = new ArrayList<>(List.of(attempt(1, 1, "3.00"), attempt(2, 2, "3.00"),
                attempt(4, 4, "3.00")));
        attempts.add(new Attempt(30, 3, "2025-26", LocalDate.parse("2026-01-10"), new BigDecimal("3.40"), false,
                LocalDate.parse("2026-02-10"), LocalDate.parse("2033-02-10"), false, null));
        attempts.add(new Attempt(31, 3, "2025-26", LocalDate.parse("2026-05-10"), new BigDecimal("2.20"), false,
                LocalDate.parse("2026-06-10"), LocalDate.parse("2033-06-10"), false, null));
        attempts.add(new Attempt(32, 3, "2025-26", LocalDate.parse("2026-09-10"), null, false,
                LocalDate.parse("2026-10-10"), LocalDate.parse("2033-10-10"), false, null));
        Decision decision = LicensureRules.decide(attempts, TODAY);
        assertThat(decision.countedSubmissions().get(2)).isEqualTo(31L);
        assertThat(decision.taskScores().get(2)).isEqualByComparingTo("2.20");
        assertThat(decision.average()).isEqualByComparingTo("2.80");

        Decision voided = LicensureRules.decide(List.of(attempt(1, 1, "3.00"), attempt(2, 2, "3.00"),
                attempt(4, 4, "3.00"), new Attempt(33, 3, "2025-26", LocalDate.parse("2026-09-10"), null, true,
                        LocalDate.parse("2026-10-10"), LocalDate.parse("2033-10-10"), false, null)), TODAY);
        assertThat(new RulesSeen(voided).explanation("task-3-valid-score"))
                .isEqualTo("Task 3: the latest submission (33) was voided. Draft Task 3 again.");
        assertThat(voided.passed()).isFalse();
    }

    private static Attempt attempt(long submission, int task, String score) {
        return new Attempt(submission, task, "2025-26", LocalDate.parse("2025-05-21"), new BigDecimal(score), false,
                LocalDate.parse("2025-06-18"), LocalDate.parse("2032-06-18"), false, null);
    }

    private static Attempt old(long submission, int task, String submittedOn, String score) {
        LocalDate submitted = LocalDate.parse(submittedOn);
        return new Attempt(submission, task, "2024-25", submitted, new BigDecimal(score), false,
                submitted.plusDays(28), submitted.plusDays(28).plusYears(7), false, CUT_OFF);
    }

    private record RulesSeen(Decision decision) {

        boolean passed(String rule) {
            return decision.rules().stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow().passed();
        }

        String explanation(String rule) {
            return decision.rules().stream().filter(r -> r.rule().equals(rule)).findFirst().orElseThrow()
                    .explanation();
        }
    }
}

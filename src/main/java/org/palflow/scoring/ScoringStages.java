package org.palflow.scoring;

import java.util.Optional;
import org.palflow.drafting.SubmissionStages;
import org.palflow.platform.time.PalCalendar;
import org.palflow.platform.time.PalDates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A submission's stage in scoring, as the candidate's task list shows it; the standing comes from the score. */
@Component
class ScoringStages implements SubmissionStages {

    private final ScoringCaseRepository cases;
    private final ScoringWindowRepository windows;
    private final TaskScoreRepository taskScores;
    private final StoredResults stored;
    private final PalCalendar calendar;
    private final PalDates dates;

    ScoringStages(ScoringCaseRepository cases, ScoringWindowRepository windows, TaskScoreRepository taskScores,
            StoredResults stored, PalCalendar calendar, PalDates dates) {
        this.cases = cases;
        this.windows = windows;
        this.taskScores = taskScores;
        this.stored = stored;
        this.calendar = calendar;
        this.dates = dates;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> stageOf(long submissionId) {
        return cases.findById(submissionId).map(scoringCase -> taskScores.current(submissionId)
                .map(this::standing)
                .orElseGet(() -> beforeTheReport(scoringCase)));
    }

    private String standing(TaskScore score) {
        ScoringRules.TaskResult result = stored.read(score.getResult());
        ScoreStanding standing = ScoreStanding.reported(result.taskScore(), score.getReportDate());
        if (standing.incomplete()) {
            return "Incomplete: condition code " + String.join(", ", result.conditionCodes());
        }
        String scored = "Scored " + ScoreStanding.shown(result.taskScore()).toPlainString();
        if (!standing.validOn(calendar.today())) {
            return scored + ", expired on " + dates.date(standing.expiresOn());
        }
        return scored + (standing.meetsThreshold() ? ", meeting" : ", below") + " the " + ScoreStanding.threshold()
                + " threshold";
    }

    private String beforeTheReport(ScoringCase scoringCase) {
        Optional<ScoringWindow> window = Optional.ofNullable(scoringCase.getWindowId()).flatMap(windows::findById);
        String reported = window.map(w -> "; scores are reported on " + dates.date(w.getScoreReportDate())).orElse("");
        return switch (scoringCase.getStatus()) {
            case WAITING_FOR_WINDOW -> "Waiting for a scoring window that takes this task";
            case IN_WINDOW -> "In window " + window.map(ScoringWindow::getName).orElse("") + ", which closes on "
                    + window.map(w -> dates.date(w.getSubmissionDeadline())).orElse("its deadline");
            case SCREENING -> "Being checked for originality" + reported;
            case IN_REVIEW -> "Under administrative review";
            case VOIDED -> "Voided after administrative review";
            case SCORING, SCORED, REPORTED -> "In scoring" + reported;
        };
    }
}

package org.palflow.scoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.palflow.platform.data.StoreOrFind;
import org.palflow.platform.security.Actor;
import org.palflow.platform.time.PalCalendar;
import org.palflow.platform.web.ApiProblem;
import org.palflow.registration.CaseVisibility;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The candidate's score report per task, and their one request for rescoring. */
@Service
public class ScoreReports {

    public record IndicatorLine(String code, String name, BigDecimal score, String band, String conditionCode) {
    }

    /**
     * A task's score report as of the day it is read: whether the score has expired and which next steps are still
     * open are worked out then, not when the score was released.
     *
     * @param validThrough the last day the score counts
     * @param expiresOn the first day it no longer counts
     * @param taskScore the task score as shown: truncated to two decimals, never above the score that counts
     * @param scorePolicy how indicator scores make the task score that is compared with the threshold
     */
    public record Report(long submissionId, int task, String handbookVersion, LocalDate reportDate,
            LocalDate validThrough, LocalDate expiresOn, boolean expired, BigDecimal taskScore, boolean incomplete,
            String scorePolicy, BigDecimal threshold, boolean thresholdMet, List<IndicatorLine> indicators,
            Map<String, String> conditionCodes, String basis,
            boolean amended, Long replacesScoreId, String rescoring, LocalDate rescoringRequestableUntil,
            boolean mayRequestRescoring, List<String> nextSteps) {
    }

    /** Where a submission is in scoring, with its window's dates once it has one. */
    public record ScoringStatus(long submissionId, int task, String status, String windowName,
            LocalDate submissionDeadline, LocalDate scoreReportDate) {
    }

    private final TaskScoreRepository taskScores;
    private final StoredResults stored;
    private final ScoringCaseRepository cases;
    private final ScoringWindowRepository windows;
    private final RescoringRequestRepository rescorings;
    private final RubricCatalog rubrics;
    private final CaseVisibility visibility;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration rescoringPeriod;
    private final String scorePolicy;
    private final PalCalendar calendar;
    private final TransactionTemplate transactions;

    ScoreReports(TaskScoreRepository taskScores, StoredResults stored, ScoringCaseRepository cases,
            ScoringWindowRepository windows, RescoringRequestRepository rescorings, RubricCatalog rubrics,
            CaseVisibility visibility, ApplicationEventPublisher events, Clock clock, ScoringProperties properties,
            PalCalendar calendar, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.taskScores = taskScores;
        this.stored = stored;
        this.cases = cases;
        this.windows = windows;
        this.rescorings = rescorings;
        this.rubrics = rubrics;
        this.visibility = visibility;
        this.events = events;
        this.clock = clock;
        this.rescoringPeriod = properties.rescoringPeriod();
        this.scorePolicy = properties.taskScoreRounding().statement();
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    public ScoringStatus status(long submissionId, Actor actor) {
        ScoringCase scoringCase = visibleCase(submissionId, actor);
        Optional<ScoringWindow> window = Optional.ofNullable(scoringCase.getWindowId()).flatMap(windows::findById);
        return new ScoringStatus(submissionId, scoringCase.getTask(), scoringCase.getStatus().name(),
                window.map(ScoringWindow::getName).orElse(null),
                window.map(ScoringWindow::getSubmissionDeadline).orElse(null),
                window.map(ScoringWindow::getScoreReportDate).orElse(null));
    }

    @Transactional(readOnly = true)
    public Report report(long submissionId, Actor actor) {
        ScoringCase scoringCase = visibleCase(submissionId, actor);
        TaskScore score = taskScores.current(submissionId).orElseThrow(() -> ApiProblem.notFound("The Task "
                + scoringCase.getTask() + " score is not released yet; it comes on the window's score-report date."));
        Rubric rubric = rubrics.rubric(scoringCase.getHandbookVersion(), scoringCase.getTask());
        ScoringRules.TaskResult result = stored.read(score.getResult());
        List<IndicatorLine> lines = rubric.indicators().stream().map(indicator -> {
            ScoringRules.IndicatorResult line = result.indicators().get(indicator.code());
            return new IndicatorLine(indicator.code(), indicator.name(), line.score(), line.band(),
                    line.conditionCode());
        }).toList();
        Map<String, String> codes = new LinkedHashMap<>();
        result.conditionCodes().forEach(code -> codes.put(code, rubric.conditionCodes().get(code)));
        if (!codes.isEmpty()) {
            codes.put(ScoringRules.NO_SCORE, "No numeric score because of a condition code elsewhere in the task.");
        }
        String rescoring = rescorings.findById(submissionId).map(request -> request.getStatus().name()).orElse(null);
        LocalDate requestableUntil = lastDayForRescoring(score.getReportDate());
        LocalDate today = calendar.today();
        ScoreStanding standing = score.standing();
        // Rescoring may be asked for once, within its period.
        boolean mayRequestRescoring = rescoring == null && !today.isAfter(requestableUntil);
        return new Report(submissionId, scoringCase.getTask(), scoringCase.getHandbookVersion(),
                score.getReportDate(), standing.validThrough(), standing.expiresOn(), !standing.validOn(today),
                ScoreStanding.shown(result.taskScore()), result.incomplete(), scorePolicy, ScoringRules.THRESHOLD,
                result.meetsThreshold(), lines, codes,
                score.getBasis(), score.getReplacesId() != null, score.getReplacesId(), rescoring, requestableUntil,
                mayRequestRescoring,
                nextSteps(submissionId, result, standing, today, mayRequestRescoring, requestableUntil));
    }

    /**
     * Once per task, within the period after the report; refused otherwise, with the reason. Asking again for
     * a task already being rescored answers with that request, also at the same moment.
     */
    public RescoringRequest requestRescoring(long submissionId, Actor actor) {
        return StoreOrFind.inTransaction(transactions, status -> requestRescoringOnce(submissionId, actor));
    }

    private RescoringRequest requestRescoringOnce(long submissionId, Actor actor) {
        ScoringCase scoringCase = visibleCase(submissionId, actor);
        TaskScore score = taskScores.current(submissionId).orElseThrow(() -> ApiProblem.conflict(
                "Rescoring can be requested only after the score report is released."));
        Optional<RescoringRequest> earlier = rescorings.findById(submissionId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        LocalDate lastDay = lastDayForRescoring(score.getReportDate());
        if (calendar.today().isAfter(lastDay)) {
            throw ApiProblem.conflict("Rescoring could be requested until " + lastDay + " ("
                    + rescoringPeriod.toDays() + " days after the score report of " + score.getReportDate() + ").");
        }
        RescoringRequest request = rescorings.saveAndFlush(new RescoringRequest(submissionId, actor.username(),
                Instant.now(clock)));
        events.publishEvent(new RescoringRequested(submissionId));
        return request;
    }

    private LocalDate lastDayForRescoring(LocalDate reportDate) {
        return reportDate.plusDays(rescoringPeriod.toDays());
    }

    private ScoringCase visibleCase(long submissionId, Actor actor) {
        return cases.findById(submissionId).filter(found -> visibility.mayRead(found.getCandidateId(), actor))
                .orElseThrow(() -> ApiProblem.notFound("No submission " + submissionId
                        + " in scoring that you can see."));
    }

    private static List<String> nextSteps(long submissionId, ScoringRules.TaskResult result, ScoreStanding standing,
            LocalDate today, boolean mayRequestRescoring, LocalDate requestableUntil) {
        List<String> steps = new ArrayList<>();
        if (!standing.validOn(today)) {
            steps.add("The score expired on " + standing.expiresOn() + " (" + ScoreStanding.validity()
                    + " after its report): draft the task again as a new attempt.");
        } else if (result.incomplete()) {
            steps.add("The task is Incomplete: draft it again as a new attempt, meeting the submission requirements "
                    + "the condition codes name.");
        } else if (!result.meetsThreshold()) {
            steps.add("The task score is below the " + ScoreStanding.threshold() + " threshold: you may draft the "
                    + "task again as a new attempt.");
        } else {
            steps.add("The task meets the " + ScoreStanding.threshold() + " threshold. Your licensure decision says "
                    + "what the four tasks together still need.");
        }
        if (mayRequestRescoring) {
            steps.add("You may ask once for rescoring until " + requestableUntil
                    + ": POST /api/submissions/" + submissionId + "/rescoring.");
        }
        return steps;
    }
}

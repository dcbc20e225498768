package org.palflow.scoring;

import org.palflow.program.Programs;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.palflow.platform.security.Actor;
import org.palflow.platform.time.PalCalendar;
import org.palflow.platform.web.ApiProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Scoring windows: admins define them; each submission belongs to the first open window that accepts it. */
@Service
public class ScoringWindows {

    public record NewWindow(String name, LocalDate submissionDeadline, LocalDate scoreReportDate,
            List<AcceptedTasks> accepts) {
    }

    public record AcceptedTasks(String handbookVersion, List<Integer> tasks) {
    }

    /** The column's width. */
    private static final int MAX_NAME_LENGTH = 120;
    /** A window dated this century only: a year such as +999999 is a typing mistake. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2099;

    private final ScoringWindowRepository windows;
    private final Programs programs;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PalCalendar calendar;

    ScoringWindows(ScoringWindowRepository windows, Programs programs,
            ApplicationEventPublisher events, Clock clock, PalCalendar calendar) {
        this.windows = windows;
        this.programs = programs;
        this.events = events;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Transactional
    public ScoringWindow create(NewWindow request, Actor admin) {
        List<String> errors = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            errors.add("name is required");
        } else if (request.name().strip().length() > MAX_NAME_LENGTH) {
            errors.add("name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (request.submissionDeadline() == null || request.scoreReportDate() == null) {
            errors.add("submissionDeadline and scoreReportDate are required");
        } else if (outsideSchedulableYears(request.submissionDeadline())
                || outsideSchedulableYears(request.scoreReportDate())) {
            errors.add("submissionDeadline and scoreReportDate must fall in the years " + FIRST_YEAR + " to "
                    + LAST_YEAR);
        } else if (!request.scoreReportDate().isAfter(request.submissionDeadline())) {
            errors.add("scoreReportDate must come after submissionDeadline");
        }
        Set<ScoringWindow.Accepted> accepted = new HashSet<>();
        for (AcceptedTasks tasks : request.accepts() == null ? List.<AcceptedTasks>of() : request.accepts()) {
            if (tasks == null) {
                errors.add("each entry of accepts names a handbookVersion and its tasks");
                continue;
            }
            if (tasks.handbookVersion() == null || programs.handbook(tasks.handbookVersion()).isEmpty()) {
                errors.add("there is no handbook version " + tasks.handbookVersion());
            }
            for (Integer task : tasks.tasks() == null ? List.<Integer>of() : tasks.tasks()) {
                if (task == null || task < 1 || task > 4) {
                    errors.add("tasks are 1 to 4, not " + task);
                } else {
                    accepted.add(new ScoringWindow.Accepted(tasks.handbookVersion(), task));
                }
            }
        }
        if (accepted.isEmpty()) {
            errors.add("a window must accept at least one task of one handbook version");
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The scoring window is not valid.", errors);
        }
        ScoringWindow window = windows.save(new ScoringWindow(request.name().strip(), request.submissionDeadline(),
                request.scoreReportDate(), accepted, admin.username(), Instant.now(clock)));
        events.publishEvent(new ScoringWindowCreated(window.getId()));
        return window;
    }

    private static boolean outsideSchedulableYears(LocalDate date) {
        return date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR;
    }

    public List<ScoringWindow> all() {
        return windows.findAllByOrderBySubmissionDeadlineAsc();
    }

    /** The first window, by deadline, still open at {@code submittedAt} that accepts this handbook and task. */
    Optional<ScoringWindow> windowFor(String handbookVersion, int task, Instant submittedAt) {
        LocalDate submittedOn = calendar.dateOf(submittedAt);
        return windows.findBySubmissionDeadlineGreaterThanEqualOrderBySubmissionDeadlineAsc(submittedOn).stream()
                .filter(window -> window.accepts(handbookVersion, task)).findFirst();
    }
}

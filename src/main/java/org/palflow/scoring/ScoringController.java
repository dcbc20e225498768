package org.palflow.scoring;

import java.util.List;
import org.palflow.platform.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Scoring windows (admins), score reports and rescoring requests (candidates). */
@RestController
class ScoringController {

    record WindowView(long id, String name, java.time.LocalDate submissionDeadline,
            java.time.LocalDate scoreReportDate, List<ScoringWindow.Accepted> accepts) {

        static WindowView of(ScoringWindow window) {
            return new WindowView(window.getId(), window.getName(), window.getSubmissionDeadline(),
                    window.getScoreReportDate(), window.getAccepts().stream()
                            .sorted(java.util.Comparator.comparing(ScoringWindow.Accepted::handbookVersion)
                                    .thenComparingInt(ScoringWindow.Accepted::task)).toList());
        }
    }

    record RescoringView(long submissionId, String status) {
    }

    private final ScoringWindows windows;
    private final ScoreReports reports;

    ScoringController(ScoringWindows windows, ScoreReports reports) {
        this.windows = windows;
        this.reports = reports;
    }

    @PostMapping("/api/scoring-windows")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('admin')")
    WindowView createWindow(@RequestBody ScoringWindows.NewWindow window) {
        return WindowView.of(windows.create(window, Actor.current()));
    }

    @GetMapping("/api/scoring-windows")
    List<WindowView> windows() {
        return windows.all().stream().map(WindowView::of).toList();
    }

    @GetMapping("/api/submissions/{submissionId}/scoring")
    @PreAuthorize("hasAnyRole('candidate', 'coordinator', 'admin')")
    ScoreReports.ScoringStatus status(@PathVariable long submissionId) {
        return reports.status(submissionId, Actor.current());
    }

    @GetMapping("/api/submissions/{submissionId}/score-report")
    @PreAuthorize("hasAnyRole('candidate', 'coordinator', 'admin')")
    ScoreReports.Report report(@PathVariable long submissionId) {
        return reports.report(submissionId, Actor.current());
    }

    @PostMapping("/api/submissions/{submissionId}/rescoring")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasRole('candidate')")
    RescoringView requestRescoring(@PathVariable long submissionId) {
        RescoringRequest request = reports.requestRescoring(submissionId, Actor.current());
        return new RescoringView(request.getSubmissionId(), request.getStatus().name());
    }
}

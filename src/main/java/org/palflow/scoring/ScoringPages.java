package org.palflow.scoring;

import java.util.Optional;
import org.palflow.drafting.DraftingService;
import org.palflow.platform.security.Actor;
import org.palflow.platform.security.Role;
import org.palflow.platform.web.PageActions;
import org.palflow.platform.web.PageController;
import org.palflow.registration.Candidates;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A submitted task's scoring for the candidate: its window, then its score report (indicator scores, bands,
 * condition codes and their meaning), the rescoring request within its period, and a new attempt where the rules
 * allow one, or the reason they do not.
 */
@PageController
class ScoringPages {

    private final ScoreReports reports;
    private final TaskScoreRepository taskScores;
    private final DraftingService drafting;
    private final Candidates candidates;

    ScoringPages(ScoreReports reports, TaskScoreRepository taskScores, DraftingService drafting,
            Candidates candidates) {
        this.reports = reports;
        this.taskScores = taskScores;
        this.drafting = drafting;
        this.candidates = candidates;
    }

    @GetMapping("/submissions/{submissionId}")
    @PreAuthorize("hasAnyRole('candidate', 'mentor', 'coordinator', 'admin')")
    String scoring(@PathVariable long submissionId, Model model) {
        Actor actor = Actor.current();
        ScoreReports.ScoringStatus status = reports.status(submissionId, actor);
        model.addAttribute("status", status);
        Optional<ScoreReports.Report> report = taskScores.current(submissionId)
                .map(released -> reports.report(submissionId, actor));
        model.addAttribute("report", report.orElse(null));
        report.ifPresent(released -> {
            model.addAttribute("mayRequestRescoring", actor.is(Role.CANDIDATE) && released.mayRequestRescoring());
            if (actor.is(Role.CANDIDATE)) {
                candidates.latestOf(actor.email()).ifPresent(candidate -> model.addAttribute("noNewAttempt",
                        drafting.whyNoNewAttempt(candidate.id(), released.task(), submissionId).orElse(null)));
            }
        });
        model.addAttribute("candidate", actor.is(Role.CANDIDATE));
        return "scoring/submission";
    }

    @PostMapping("/submissions/{submissionId}/rescoring")
    @PreAuthorize("hasRole('candidate')")
    String requestRescoring(@PathVariable long submissionId, RedirectAttributes redirect) {
        return PageActions.run(() -> reports.requestRescoring(submissionId, Actor.current()),
                "Rescoring is requested. A scorer who has not seen the task scores it again; you are told the outcome.",
                "/submissions/" + submissionId, redirect);
    }
}

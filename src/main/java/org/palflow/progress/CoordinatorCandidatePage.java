package org.palflow.progress;

import org.palflow.drafting.TaskOverview;
import org.palflow.licensure.LicensureService;
import org.palflow.mentoring.MentoringQueries;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A candidate's case as their coordinator sees it: the timeline, the tasks, the mentor, and, while the case waits
 * for one, the school leaders at the candidate's school to propose (a declined or overdue proposal comes back here
 * with its reason).
 */
@PageController
@PreAuthorize("hasAnyRole('coordinator', 'admin')")
class CoordinatorCandidatePage {

    private final CaseProgressService progress;
    private final TaskOverview tasks;
    private final LicensureService licensure;
    private final MentoringQueries mentoring;

    CoordinatorCandidatePage(CaseProgressService progress, TaskOverview tasks, LicensureService licensure,
            MentoringQueries mentoring) {
        this.progress = progress;
        this.tasks = tasks;
        this.licensure = licensure;
        this.mentoring = mentoring;
    }

    @GetMapping("/coordinator/candidates/{candidateId}")
    String candidate(@PathVariable long candidateId, Model model) {
        Actor actor = Actor.current();
        CaseProgress caseProgress = progress.progress(candidateId, actor);
        var registration = caseProgress.registration();
        model.addAttribute("progress", caseProgress);
        model.addAttribute("tasks", tasks.of(progress.candidate(candidateId, actor), actor));
        model.addAttribute("decision", licensure.find(candidateId, actor).orElse(null));
        boolean awaitingProposal = caseProgress.stage() == CaseProgress.Stage.AWAITING_MENTOR_PROPOSAL;
        model.addAttribute("awaitingProposal", awaitingProposal);
        model.addAttribute("schoolLeaders", awaitingProposal
                ? mentoring.mentorsAt(registration.district(), registration.school()) : java.util.List.of());
        return "coordinator/candidate";
    }
}

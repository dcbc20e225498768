package org.palflow.progress;

import org.palflow.drafting.TaskOverview;
import org.palflow.licensure.LicensureService;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.PageController;
import org.palflow.registration.Candidates;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The candidate's home: where their case stands and what it waits for. */
@PageController
@PreAuthorize("hasRole('candidate')")
class MyCasePage {

    private final Candidates candidates;
    private final CaseProgressService progress;
    private final LicensureService licensure;
    private final TaskOverview tasks;

    MyCasePage(Candidates candidates, CaseProgressService progress, LicensureService licensure, TaskOverview tasks) {
        this.tasks = tasks;
        this.candidates = candidates;
        this.progress = progress;
        this.licensure = licensure;
    }

    @GetMapping("/candidate")
    String myCase(Model model) {
        Actor actor = Actor.current();
        return candidates.latestOf(actor.email()).map(candidate -> {
            model.addAttribute("progress", progress.progress(candidate.id(), actor));
            model.addAttribute("tasks", tasks.of(candidate, actor));
            model.addAttribute("decision", licensure.find(candidate.id(), actor).orElse(null));
            return "candidate/my-case";
        }).orElse("redirect:/candidate/register");
    }
}

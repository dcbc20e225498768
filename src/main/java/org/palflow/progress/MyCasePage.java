package org.palflow.progress;

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

    MyCasePage(Candidates candidates, CaseProgressService progress) {
        this.candidates = candidates;
        this.progress = progress;
    }

    @GetMapping("/candidate")
    String myCase(Model model) {
        Actor actor = Actor.current();
        return candidates.latestOf(actor.email()).map(candidate -> {
            model.addAttribute("progress", progress.progress(candidate.id(), actor));
            return "candidate/my-case";
        }).orElse("redirect:/candidate/register");
    }
}

package org.palflow.licensure;

import org.palflow.platform.process.Incidents;
import org.palflow.platform.web.PageActions;
import org.palflow.platform.web.PageController;
import org.palflow.registration.Candidates;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Hand-offs of passing decisions to ELAR: each one's state, the engine's incident when retries ran out, retry. */
@PageController
@PreAuthorize("hasRole('admin')")
class HandoffPages {

    private final ElarHandoffs handoffs;
    private final Candidates candidates;

    HandoffPages(ElarHandoffs handoffs, Candidates candidates) {
        this.handoffs = handoffs;
        this.candidates = candidates;
    }

    @GetMapping("/admin/hand-offs")
    String handoffs(Model model) {
        var all = handoffs.all();
        model.addAttribute("handoffs", all);
        model.addAttribute("names", candidates.byId(all.stream().map(ElarHandoffs.HandoffView::candidateId).toList()));
        return "licensure/hand-offs";
    }

    @PostMapping("/admin/hand-offs/{decisionId}/retry")
    String retry(@PathVariable long decisionId, RedirectAttributes redirect) {
        return PageActions.run(() -> handoffs.retry(decisionId, Incidents.RETRIES),
                "The hand-off is sent again; this page shows when ELAR has it.", "/admin/hand-offs", redirect);
    }
}

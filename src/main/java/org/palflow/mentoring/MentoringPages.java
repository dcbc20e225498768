package org.palflow.mentoring;

import org.palflow.platform.security.Actor;
import org.palflow.platform.web.PageActions;
import org.palflow.platform.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A mentor answers a proposal from their inbox page. */
@PageController
@PreAuthorize("hasRole('mentor')")
class MentoringPages {

    private final MentoringService mentoring;

    MentoringPages(MentoringService mentoring) {
        this.mentoring = mentoring;
    }

    @PostMapping("/mentor/proposals/{proposalId}/acceptance")
    String accept(@PathVariable long proposalId, RedirectAttributes redirect) {
        return PageActions.run(() -> mentoring.respond(proposalId, true, null, Actor.current()),
                "You accepted. The candidate and their coordinator are told; the mentorship has begun.", "/mentor",
                redirect);
    }

    @PostMapping("/mentor/proposals/{proposalId}/decline")
    String decline(@PathVariable long proposalId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return PageActions.run(() -> mentoring.respond(proposalId, false, reason, Actor.current()),
                "You declined. The coordinator has the case again, with your reason.", "/mentor", redirect);
    }
}

package org.palflow.mentoring;

import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.palflow.platform.web.PageActions;
import org.palflow.platform.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A coordinator proposes a school leader as a candidate's mentor from the candidate's page. */
@PageController
@PreAuthorize("hasRole('coordinator')")
class MentorProposalPages {

    private final MentoringService mentoring;

    MentorProposalPages(MentoringService mentoring) {
        this.mentoring = mentoring;
    }

    @PostMapping("/coordinator/candidates/{candidateId}/mentor-proposals")
    String propose(@PathVariable long candidateId, @RequestParam(required = false) Long mentorId,
            RedirectAttributes redirect) {
        String page = "/coordinator/candidates/" + candidateId;
        return PageActions.run(() -> {
            if (mentorId == null) {
                throw ApiProblem.invalid("Choose the school leader to propose.",
                        java.util.List.of(java.util.Map.of("field", "mentorId", "message", "must be chosen")));
            }
            mentoring.propose(candidateId, mentorId, Actor.current());
        }, "The mentor is asked. Their answer, or its absence, comes back to you here.", page, redirect);
    }
}

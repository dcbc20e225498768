package org.palflow.drafting;

import org.palflow.platform.security.Actor;
import org.palflow.platform.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The mentor's home: proposals to answer and components to review; and their mentees at a glance. */
@PageController
@PreAuthorize("hasRole('mentor')")
class MentorPages {

    private final MentorInbox inbox;

    MentorPages(MentorInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/mentor")
    String inbox(Model model) {
        MentorInbox.Inbox waiting = inbox.of(Actor.current());
        model.addAttribute("inbox", waiting);
        model.addAttribute("proposed", inbox.proposedCandidates(waiting));
        return "mentor/inbox";
    }

    @GetMapping("/mentor/mentees")
    String mentees(Model model) {
        model.addAttribute("mentees", inbox.menteesOf(Actor.current()));
        return "mentor/mentees";
    }
}

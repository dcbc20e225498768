package org.palflow.drafting;

import org.palflow.platform.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One place for everything waiting on a mentor, across all their mentees. */
@RestController
class MentorInboxController {

    private final MentorInbox inbox;

    MentorInboxController(MentorInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/mentor/inbox")
    @PreAuthorize("hasRole('mentor')")
    MentorInbox.Inbox inbox() {
        return inbox.of(Actor.current());
    }
}

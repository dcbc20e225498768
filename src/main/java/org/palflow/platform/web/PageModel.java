package org.palflow.platform.web;

import org.palflow.platform.mail.Notifications;
import org.palflow.platform.security.Actor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: the person signed in, their role and their unread notifications. */
@ControllerAdvice(annotations = PageController.class)
class PageModel {

    private final Notifications notifications;

    PageModel(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        Actor actor = Actor.current();
        return Viewer.of(actor, notifications.unreadCount(actor.email()));
    }
}

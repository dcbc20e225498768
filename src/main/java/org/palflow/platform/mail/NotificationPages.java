package org.palflow.platform.mail;

import org.palflow.platform.security.Actor;
import org.palflow.platform.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The notification list: what the platform mailed the person, unread ones marked until they say they read them. */
@PageController
class NotificationPages {

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String list(Model model) {
        model.addAttribute("notifications", notifications.inboxOf(Actor.current().email()));
        return "notifications";
    }

    @PostMapping("/notifications/read")
    String markAllRead(RedirectAttributes redirect) {
        notifications.markAllRead(Actor.current().email());
        redirect.addFlashAttribute("success", "All notifications are marked as read.");
        return "redirect:/notifications";
    }
}

package org.palflow.platform.web;

import org.palflow.platform.security.Actor;
import org.palflow.platform.security.Role;
import org.springframework.web.bind.annotation.GetMapping;

/** After sign-in each person lands on their role's home. */
@PageController
class Home {

    @GetMapping("/")
    String home() {
        Actor actor = Actor.current();
        if (actor.is(Role.CANDIDATE)) {
            return "redirect:/candidate";
        }
        if (actor.is(Role.MENTOR)) {
            return "redirect:/mentor";
        }
        if (actor.is(Role.SCORER)) {
            return "redirect:/scorer";
        }
        if (actor.is(Role.ADMIN)) {
            return "redirect:/admin";
        }
        if (actor.is(Role.COORDINATOR)) {
            return "redirect:/coordinator";
        }
        return "redirect:/notifications";
    }
}

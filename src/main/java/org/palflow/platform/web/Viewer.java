package org.palflow.platform.web;

import org.palflow.platform.security.Actor;
import org.palflow.platform.security.Role;

/** Who is looking at a page, as its header shows them. */
public record Viewer(String username, String email, Role role, long unreadNotifications) {

    public String roleName() {
        return role == null ? "" : role.label();
    }

    static Viewer of(Actor actor, long unread) {
        return new Viewer(actor.username(), actor.email(), actor.roles().stream().findFirst().orElse(null), unread);
    }
}

package org.palflow.platform.security;

/** The realm roles of keycloak/pal-realm.json. */
public enum Role {
    CANDIDATE, MENTOR, SCORER, COORDINATOR, ADMIN;

    public String realmName() {
        return name().toLowerCase();
    }

    public String authority() {
        return "ROLE_" + realmName();
    }

    /** The role as a page names it: "Candidate". */
    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}

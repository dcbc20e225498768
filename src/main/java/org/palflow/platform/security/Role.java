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
}

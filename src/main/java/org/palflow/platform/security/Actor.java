package org.palflow.platform.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling: the same shape whether they logged in from the realm file or with a Keycloak token. */
public record Actor(String username, String email, Set<Role> roles) {

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** Coordinators and admins see every case; candidates and mentors only their own. */
    public boolean seesAllCases() {
        return is(Role.COORDINATOR) || is(Role.ADMIN);
    }

    public static Actor current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    static Actor from(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            for (Role role : Role.values()) {
                if (role.authority().equals(authority.getAuthority())) {
                    roles.add(role);
                }
            }
        }
        Object principal = authentication.getPrincipal();
        String email = switch (principal) {
            case RealmUser user -> user.email();
            case Jwt jwt -> jwt.getClaimAsString("email");
            case OidcUser user -> user.getEmail();
            default -> null;
        };
        return new Actor(authentication.getName(), email == null ? "" : email.toLowerCase(), roles);
    }
}

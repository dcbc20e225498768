package org.palflow.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users, passwords and realm roles read from the Keycloak realm export, so that the embedded default and a
 * real Keycloak share one source of truth. Only enabled users with a password credential can log in.
 */
public class RealmFileUsers implements UserDetailsService {

    private final Map<String, RealmUser> users = new HashMap<>();
    private final SignInLockout.Policy lockoutPolicy;

    public RealmFileUsers(Resource realmFile, ObjectMapper json, PasswordEncoder encoder) {
        JsonNode realm;
        try (InputStream in = realmFile.getInputStream()) {
            realm = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the realm file " + realmFile, e);
        }
        lockoutPolicy = SignInLockout.Policy.of(realm);
        for (JsonNode user : realm.path("users")) {
            if (!user.path("enabled").asBoolean(true)) {
                continue;
            }
            String password = passwordOf(user);
            if (password == null) {
                continue;
            }
            List<SimpleGrantedAuthority> authorities = new ArrayList<>();
            user.path("realmRoles").forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.asText())));
            String username = user.path("username").asText();
            users.put(username, new RealmUser(username, encoder.encode(password),
                    user.path("email").asText("").toLowerCase(), authorities));
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("The realm file " + realmFile + " has no user who can log in");
        }
    }

    /** The realm's brute-force settings, which Keycloak applies itself in Keycloak mode. */
    SignInLockout.Policy lockoutPolicy() {
        return lockoutPolicy;
    }

    private static String passwordOf(JsonNode user) {
        for (JsonNode credential : user.path("credentials")) {
            if ("password".equals(credential.path("type").asText()) && credential.hasNonNull("value")) {
                return credential.path("value").asText();
            }
        }
        return null;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        RealmUser user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("No user " + username + " in the realm file");
        }
        // Spring Security erases credentials after login; hand out a copy, never the stored user.
        return new RealmUser(user.getUsername(), user.getPassword(), user.email(), user.getAuthorities());
    }
}

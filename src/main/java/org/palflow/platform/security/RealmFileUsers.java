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

    private record Account(String email, List<SimpleGrantedAuthority> authorities) {
    }

    private final Map<String, Account> users = new HashMap<>();
    private final Map<String, String> encodedPasswords = new HashMap<>();
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
            users.put(username, new Account(user.path("email").asText("").toLowerCase(), authorities));
            encodedPasswords.put(username, encoder.encode(password));
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
        Account account = users.get(username);
        if (account == null) {
            throw new UsernameNotFoundException("No user " + username + " in the realm file");
        }
        // A new user each time: Spring Security erases the credentials of the one it is given after login.
        return new RealmUser(username, encodedPasswords.get(username), account.email(), account.authorities());
    }
}

package org.palflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The embedded login reads the very realm file Keycloak imports. */
class RealmFileUsersTest {

    private final PasswordEncoder encoder = new RealmPasswords();

    @Test
    void everyDemoUserOfTheRealmExportLogsInWithTheirRealmRole() {
        RealmFileUsers users = new RealmFileUsers(new FileSystemResource("keycloak/pal-realm.json"), new ObjectMapper(),
                encoder);

        for (Role role : Role.values()) {
            String username = switch (role) {
                case CANDIDATE -> "avery";
                case MENTOR -> "morgan";
                case SCORER -> "sam";
                case COORDINATOR -> "casey";
                case ADMIN -> "alex";
            };
            UserDetails user = users.loadUserByUsername(username);
            assertThat(encoder.matches(username + "-pal", user.getPassword())).isTrue();
            assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly(role.authority());
        }
        assertThat(((RealmUser) users.loadUserByUsername("morgan")).email()).isEqualTo("morgan.mentor@palflow.example");
    }

    @Test
    void disabledUsersAndUsersWithoutPasswordCannotLogIn() {
        String realm = """
                {"users": [
                  {"username": "gone", "enabled": false, "credentials": [{"type": "password", "value": "x"}]},
                  {"username": "federated", "enabled": true},
                  {"username": "ok", "email": "OK@Example.org", "credentials": [{"type": "password", "value": "pw"}],
                   "realmRoles": ["mentor"]}
                ]}""";
        RealmFileUsers users = new RealmFileUsers(new ByteArrayResource(realm.getBytes()), new ObjectMapper(), encoder);

        assertThatThrownBy(() -> users.loadUserByUsername("gone")).isInstanceOf(UsernameNotFoundException.class);
        assertThatThrownBy(() -> users.loadUserByUsername("federated")).isInstanceOf(UsernameNotFoundException.class);
        assertThat(((RealmUser) users.loadUserByUsername("ok")).email()).isEqualTo("ok@example.org");
    }
}

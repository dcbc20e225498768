package org.palflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The realm file's passwords are kept as keyed digests: the right one matches, nothing else does. */
class RealmPasswordsTest {

    private final RealmPasswords passwords = new RealmPasswords();

    @Test
    void onlyTheRightPasswordMatchesWhatIsKept() {
        String kept = passwords.encode("casey-pal");

        assertThat(kept).doesNotContain("casey-pal");
        assertThat(passwords.matches("casey-pal", kept)).isTrue();
        assertThat(passwords.matches("casey-pa", kept)).isFalse();
        assertThat(passwords.matches("Casey-pal", kept)).isFalse();
        assertThat(passwords.matches("", kept)).isFalse();
        assertThat(passwords.matches("casey-pal", kept.substring(1))).isFalse();
        assertThat(passwords.matches("casey-pal", null)).isFalse();
        assertThat(passwords.matches(null, kept)).isFalse();
    }

    @Test
    void theKeyIsMadeAtStartSoNothingKeptOutlivesTheApp() {
        RealmPasswords nextStart = new RealmPasswords();

        assertThat(nextStart.encode("casey-pal")).isNotEqualTo(passwords.encode("casey-pal"));
        assertThat(nextStart.matches("casey-pal", passwords.encode("casey-pal"))).isFalse();
    }
}

package org.palflow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.palflow.support.MovableClock;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A right password is checked with bcrypt once per five minutes; a wrong one every time. */
class VerifiedCredentialsTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    private final PasswordEncoder counted = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };
    private final MovableClock clock = new MovableClock();
    private final VerifiedCredentials credentials = new VerifiedCredentials(counted, clock);

    @Test
    void aVerifiedPasswordIsRememberedForFiveMinutesAndAWrongOneNever() {
        String stored = credentials.encode("casey-pal");
        assertThat(credentials.matches("casey-pal", stored)).isTrue();
        assertThat(credentials.matches("casey-pal", stored)).isTrue();
        assertThat(bcryptChecks).hasValue(1);

        assertThat(credentials.matches("casey-pa", stored)).isFalse();
        assertThat(credentials.matches("casey-pa", stored)).isFalse();
        assertThat(bcryptChecks).hasValue(3);

        assertThat(credentials.matches("casey-pal", credentials.encode("casey-pal"))).as("another stored hash")
                .isTrue();
        assertThat(bcryptChecks).hasValue(4);

        clock.advance(Duration.ofMinutes(5));
        assertThat(credentials.matches("casey-pal", stored)).isTrue();
        assertThat(bcryptChecks).as("checked again after five minutes").hasValue(5);
    }
}

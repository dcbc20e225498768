package org.palflow.platform.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Brute-force protection on the embedded default, as Keycloak does it with the realm file's own settings
 * ({@code bruteForceProtected}, {@code failureFactor}, {@code waitIncrementSeconds}, {@code maxFailureWaitSeconds}):
 * after that many wrong passwords in a row a user must wait, a little longer after each further failure, up to
 * the maximum; meanwhile even the right password is refused (429 on the API, a message on the sign-in page).
 * A successful sign-in clears the count. Unknown user names are counted alike, so the answer tells nothing.
 */
class SignInLockout {

    private static final Logger log = LoggerFactory.getLogger(SignInLockout.class);
    private static final int MAX_TRACKED = 10_000;

    /**
     * @param failureFactor failures in a row before the first wait
     * @param failuresForgottenAfter how long after the last failure the count starts again
     */
    record Policy(boolean enabled, int failureFactor, Duration waitIncrement, Duration maxWait,
            Duration failuresForgottenAfter) {

        static Policy of(JsonNode realm) {
            return new Policy(realm.path("bruteForceProtected").asBoolean(false),
                    realm.path("failureFactor").asInt(30), seconds(realm, "waitIncrementSeconds", 60),
                    seconds(realm, "maxFailureWaitSeconds", 900), seconds(realm, "maxDeltaTimeSeconds", 43_200));
        }

        private static Duration seconds(JsonNode realm, String field, int keycloakDefault) {
            return Duration.ofSeconds(realm.path(field).asInt(keycloakDefault));
        }

        Duration waitAfter(int failures) {
            if (!enabled || failures < failureFactor) {
                return Duration.ZERO;
            }
            Duration wait = waitIncrement.multipliedBy(failures - failureFactor + 1L);
            return wait.compareTo(maxWait) > 0 ? maxWait : wait;
        }
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final Policy policy;
    private final Clock clock;
    private final ObjectMapper json;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    SignInLockout(Policy policy, Clock clock, ObjectMapper json) {
        this.policy = policy;
        this.clock = clock;
        this.json = json;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getName()).toLowerCase();
        Instant now = Instant.now(clock);
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(past -> forgotten(past, now));
        }
        Failures counted = failures.compute(username, (name, earlier) -> {
            int count = earlier == null || forgotten(earlier, now) ? 1 : earlier.count() + 1;
            return new Failures(count, now, now.plus(policy.waitAfter(count)));
        });
        if (counted.lockedUntil().isAfter(now)) {
            log.warn("Sign-in of '{}' locked for {} s after {} wrong passwords in a row", username,
                    Duration.between(now, counted.lockedUntil()).toSeconds(), counted.count());
        }
    }

    private boolean forgotten(Failures past, Instant now) {
        return !past.lockedUntil().isAfter(now) && past.last().plus(policy.failuresForgottenAfter()).isBefore(now);
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(String.valueOf(event.getAuthentication().getName()).toLowerCase());
    }

    /** How long the user must still wait before trying again; zero if they may try now. */
    Duration lockedFor(String username) {
        Failures counted = username == null ? null : failures.get(username.toLowerCase());
        if (counted == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(Instant.now(clock), counted.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** The filter that refuses a locked user's sign-in before their password is checked. */
    OncePerRequestFilter filter() {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                refuseIfLocked(request, response, chain);
            }
        };
    }

    private void refuseIfLocked(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = usernameTried(request);
        Duration wait = lockedFor(username);
        if (wait.isZero()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
        log.warn("Sign-in of '{}' refused: locked for {} s more", username, seconds);
        response.setHeader("Retry-After", String.valueOf(seconds));
        if (request.getHeader("Authorization") != null) {
            SecurityConfiguration.writeProblem(json, response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                    "Too many wrong passwords in a row for this user: try again in " + seconds + " seconds.");
        } else {
            response.sendRedirect(request.getContextPath() + "/sign-in?locked=" + seconds);
        }
    }

    /** The user name a Basic header or the sign-in form names; other requests are not sign-ins. */
    private static String usernameTried(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        if ("POST".equals(request.getMethod()) && "/sign-in".equals(request.getServletPath())) {
            return request.getParameter("username");
        }
        return null;
    }
}

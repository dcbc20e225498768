package org.palflow.platform.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The {@code Idempotency-Key} a client sends with a create or decide request so it may repeat the request safely.
 * Most requests are answered again by {@link IdempotentRequests}; an endpoint that streams its body keeps the key
 * with what it made and answers through these rules itself.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 80;

    private IdempotencyKey() {
    }

    /** The key as sent, or a 400 problem if it is not 1 to 80 visible ASCII characters. */
    public static String valid(String key) {
        if (key.isBlank() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw ApiProblem.invalid("The Idempotency-Key header is not valid.",
                    List.of(HEADER + " must be 1 to " + MAX_LENGTH + " visible ASCII characters"));
        }
        return key;
    }

    /** The 422 problem for a key sent again with another request. */
    public static ApiProblem reused(String key) {
        return ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused", "The " + HEADER + " " + key
                + " was sent before with another request; use a new key for a new request.");
    }
}

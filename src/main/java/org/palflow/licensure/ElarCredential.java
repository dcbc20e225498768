package org.palflow.licensure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The shared secret hand-offs carry as a bearer token: {@code pal.licensure.elar-secret}, or, for the embedded
 * stand-in receiver when none is configured, a random one made at start that only this process knows.
 */
@Component
class ElarCredential {

    private final String secret;

    ElarCredential(LicensureProperties properties) {
        if (properties.elarSecret() != null && !properties.elarSecret().isBlank()) {
            secret = properties.elarSecret();
        } else if (properties.elarUrl() == null || properties.elarUrl().isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
        } else {
            secret = null;
        }
    }

    /** The Authorization header a hand-off is sent with; none for a configured ELAR that takes no secret. */
    Optional<String> authorization() {
        return Optional.ofNullable(secret).map(value -> "Bearer " + value);
    }

    boolean accepts(String authorization) {
        return secret != null && authorization != null && MessageDigest.isEqual(
                authorization.getBytes(StandardCharsets.UTF_8),
                ("Bearer " + secret).getBytes(StandardCharsets.UTF_8));
    }
}

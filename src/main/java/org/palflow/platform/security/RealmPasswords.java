package org.palflow.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How the embedded login keeps and checks the realm file's passwords: as an HMAC under a key made at start and never
 * written anywhere, compared in constant time. The realm file holds its passwords in clear (Keycloak's import
 * format), so a deliberately slow hash of them in memory guarded nothing the file does not give away, and it cost
 * every user's first sign-in two bcrypt rounds (a seventh of the app's CPU in the lifecycle benchmark, where a
 * thousand candidates each sign in once). A memory dump still holds no password; guessing is bounded by the sign-in
 * lockout ({@link SignInLockout}), as it was.
 */
class RealmPasswords implements PasswordEncoder {

    private final SecretKeySpec key;

    RealmPasswords() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return HexFormat.of().formatHex(mac(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        return MessageDigest.isEqual(encode(rawPassword).getBytes(StandardCharsets.US_ASCII),
                encodedPassword.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(CharSequence password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(password.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}

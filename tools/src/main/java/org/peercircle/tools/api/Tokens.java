package org.peercircle.tools.api;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.peercircle.testing.TokenSigner;

/**
 * Bearer tokens signed with the local run's key, as deploy/local/token.sh makes them. Each token is made once
 * and kept; they live long enough for a 100,000-person city.
 */
public final class Tokens {

    public static final String ISSUER = "peercircle-local";
    private static final Duration LIFETIME = Duration.ofHours(12);

    private final TokenSigner signer;
    private final Map<String, String> made = new ConcurrentHashMap<>();

    public Tokens(TokenSigner signer) {
        this.signer = signer;
    }

    /** The signer for the key that up.sh made under {@code <state>/keys/private.pem}. */
    public static Tokens ofLocalRun(Path stateFolder) {
        return new Tokens(TokenSigner.fromPem(stateFolder.resolve("keys/private.pem"), ISSUER));
    }

    public String coordinator() {
        return token("demo.coordinator", "coordinator");
    }

    public String analyst() {
        return token("demo.analyst", "analyst");
    }

    public String socialWorker(String subject, UUID... centres) {
        return token(subject, "social-worker", centres);
    }

    public String facilitator(String subject, UUID... centres) {
        return token(subject, "facilitator", centres);
    }

    public String token(String subject, String role, UUID... centres) {
        String key = subject + "|" + role + "|" + Arrays.toString(centres);
        return made.computeIfAbsent(key, k -> signer.token(subject, role, Instant.now().plus(LIFETIME), centres));
    }
}

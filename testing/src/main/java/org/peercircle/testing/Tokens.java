package org.peercircle.testing;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Tokens for the service under test, signed with the key whose public half {@link PeerCircleInfra} gave it. */
public final class Tokens {

    private Tokens() {
    }

    /** A token of {@code role} limited to {@code centres} (ignored for city-wide roles). */
    public static String of(String role, UUID... centres) {
        return signer().token("user-" + role, role, centres);
    }

    public static String forSubject(String subject, String role, UUID... centres) {
        return signer().token(subject, role, centres);
    }

    public static String expired(String role) {
        return signer().token("user-" + role, role, Instant.now().minusSeconds(600));
    }

    /** "Bearer ..." for an Authorization header. */
    public static String bearer(String role, UUID... centres) {
        return "Bearer " + of(role, centres);
    }

    private static TokenSigner signer() {
        String encoded = System.getProperty(PeerCircleInfra.PRIVATE_KEY_PROPERTY);
        if (encoded == null) {
            throw new IllegalStateException("PeerCircleInfra has not started: no signing key");
        }
        try {
            return new TokenSigner(TokenSigner.pkcs8(Base64.getDecoder().decode(encoded)), PeerCircleInfra.ISSUER);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.peercircle.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Signed RS256 bearer tokens with the claims Keycloak issues (realm roles, a {@code centres} array), which the
 * service under test verifies for real against the test key.
 */
public final class Tokens {

    private Tokens() {
    }

    /** A token of {@code role} limited to {@code centres} (ignored for city-wide roles). */
    public static String of(String role, UUID... centres) {
        return build("user-" + role, role, centres, Instant.now().plusSeconds(3600));
    }

    public static String forSubject(String subject, String role, UUID... centres) {
        return build(subject, role, centres, Instant.now().plusSeconds(3600));
    }

    public static String expired(String role) {
        return build("user-" + role, role, new UUID[0], Instant.now().minusSeconds(600));
    }

    /** "Bearer ..." for an Authorization header. */
    public static String bearer(String role, UUID... centres) {
        return "Bearer " + of(role, centres);
    }

    private static String build(String subject, String role, UUID[] centres, Instant expiresAt) {
        long now = Instant.now().getEpochSecond();
        String centreList = Arrays.stream(centres).map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"peercircle-test\"}";
        String claims = "{\"iss\":\"" + PeerCircleInfra.ISSUER + "\",\"sub\":\"" + subject + "\","
                + "\"preferred_username\":\"" + subject + "\",\"iat\":" + now + ",\"exp\":"
                + expiresAt.getEpochSecond() + ",\"realm_access\":{\"roles\":[\"" + role + "\"]},"
                + "\"centres\":[" + centreList + "]}";
        String signingInput = b64(header.getBytes(UTF_8)) + "." + b64(claims.getBytes(UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(signingInput.getBytes(UTF_8));
            return signingInput + "." + b64(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException("could not sign a test token", e);
        }
    }

    private static PrivateKey privateKey() throws Exception {
        String encoded = System.getProperty(PeerCircleInfra.PRIVATE_KEY_PROPERTY);
        if (encoded == null) {
            throw new IllegalStateException("PeerCircleInfra has not started: no signing key");
        }
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

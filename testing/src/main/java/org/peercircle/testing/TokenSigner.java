package org.peercircle.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Signs RS256 bearer tokens with the claims Keycloak issues (realm roles in {@code realm_access.roles}, a
 * {@code centres} array), as {@code deploy/local/token.sh} does; the services verify them for real.
 */
public final class TokenSigner {

    private final PrivateKey key;
    private final String issuer;

    public TokenSigner(PrivateKey key, String issuer) {
        this.key = key;
        this.issuer = issuer;
    }

    /** The local run's signer: the PKCS#8 PEM key that up.sh made, and its issuer. */
    public static TokenSigner fromPem(Path privateKeyPem, String issuer) {
        try {
            String pem = Files.readString(privateKeyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return new TokenSigner(pkcs8(Base64.getDecoder().decode(pem)), issuer);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the signing key " + privateKeyPem, e);
        }
    }

    static PrivateKey pkcs8(byte[] der) throws Exception {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    public String token(String subject, String role, UUID... centres) {
        return token(subject, role, Instant.now().plusSeconds(3600), centres);
    }

    public String token(String subject, String role, Instant expiresAt, UUID... centres) {
        long now = Instant.now().getEpochSecond();
        String centreList = Arrays.stream(centres).map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"peercircle\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"preferred_username\":\"" + subject
                + "\",\"iat\":" + now + ",\"exp\":" + expiresAt.getEpochSecond()
                + ",\"realm_access\":{\"roles\":[\"" + role + "\"]},\"centres\":[" + centreList + "]}";
        String signingInput = b64(header.getBytes(UTF_8)) + "." + b64(claims.getBytes(UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(UTF_8));
            return signingInput + "." + b64(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

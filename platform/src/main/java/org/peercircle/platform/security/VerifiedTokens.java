package org.peercircle.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.runtime.Startup;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens that quarkus-oidc has accepted, remembered by their exact text until they expire. Verifying the RS256
 * signature and parsing the claims was a third of the CPU of reading one participant, while a client (the city
 * platform's account, a centre's tablet) sends the same token with every request until it expires. Only what
 * quarkus-oidc accepted is remembered, and only until the token's {@code exp}; any other text, an altered copy
 * included, is a different key and goes through quarkus-oidc. Remembering changes nothing that local verification
 * checks: a token is not looked up again at the issuer either way. The cache is bounded; an evicted token is
 * verified again.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    static final int MAX_TOKENS = 10_000;

    /** Per-request attributes quarkus-oidc puts on an identity: a remembered identity gets the current request's. */
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();
    private static final String REQUEST_CONTEXT = AuthenticationRequestContext.class.getName();

    private record Verified(SecurityIdentity identity, Instant expiresAt) {
    }

    private final Cache<String, Verified> verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS)
            .expireAfter(new Expiry<String, Verified>() {
                @Override
                public long expireAfterCreate(String token, Verified v, long currentTime) {
                    return Math.max(0, Duration.between(Instant.now(), v.expiresAt()).toNanos());
                }

                @Override
                public long expireAfterUpdate(String token, Verified v, long currentTime, long currentDuration) {
                    return expireAfterCreate(token, v, currentTime);
                }

                @Override
                public long expireAfterRead(String token, Verified v, long currentTime, long currentDuration) {
                    return currentDuration;
                }
            }).build();

    private final LongAdder hits = new LongAdder();

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /**
     * Asked before quarkus-oidc's own provider, which has the default priority (1001: higher is asked first); no
     * answer hands the token on to it.
     */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        Verified known = verified.getIfPresent(request.getToken().getToken());
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (known == null || routing == null || !Instant.now().isBefore(known.expiresAt())) {
            return Uni.createFrom().nullItem();
        }
        hits.increment();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(known.identity())
                .addAttribute(ROUTING_CONTEXT, routing)
                .addAttribute(REQUEST_CONTEXT, context)
                .build());
    }

    /** Remembers an identity that quarkus-oidc built from a bearer token, without the request it came with. */
    void remember(SecurityIdentity identity) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (identity.isAnonymous() || token == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || jwt.getExpirationTime() <= 0 || verified.getIfPresent(token.getToken()) != null) {
            return;
        }
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.remove(ROUTING_CONTEXT);
        attributes.remove(REQUEST_CONTEXT);
        SecurityIdentity detached = QuarkusSecurityIdentity.builder().setPrincipal(jwt).addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials()).addPermissions(identity.getPermissions())
                .addAttributes(attributes).build();
        verified.put(token.getToken(), new Verified(detached, Instant.ofEpochSecond(jwt.getExpirationTime())));
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    long hits() {
        return hits.sum();
    }

    /** Sees each identity as its provider made it, before any other augmentor, and remembers those from tokens. */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        @Inject
        VerifiedTokens tokens;

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            tokens.remember(identity);
            return Uni.createFrom().item(identity);
        }
    }

    /** {@code peercircle_verified_tokens_hits_total}: requests whose token was not verified again. */
    @Startup
    @ApplicationScoped
    public static class Metrics {

        Metrics(MeterRegistry registry, VerifiedTokens tokens) {
            FunctionCounter.builder("peercircle.verified.tokens.hits", tokens, VerifiedTokens::hits)
                    .description("Requests whose bearer token was accepted earlier and not verified again")
                    .register(registry);
        }
    }
}

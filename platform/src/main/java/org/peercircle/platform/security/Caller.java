package org.peercircle.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.peercircle.platform.problem.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling and which community centres they may see: the one place where tenant isolation is decided.
 * Coordinators, analysts and the city platform's account are city-wide; social workers and facilitators see
 * the centres in their token's {@code centres} claim, a facilitator only their own groups there. A record in another
 * centre answers 404, never 403, so its existence does not leak.
 */
@RequestScoped
public class Caller {

    public static final String CENTRES_CLAIM = "centres";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    private Set<UUID> centres;

    public String subject() {
        return identity.getPrincipal().getName();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isCityWide() {
        return hasRole(Roles.COORDINATOR) || hasRole(Roles.ANALYST) || hasRole(Roles.INTEGRATION);
    }

    /** Empty for city-wide callers (no restriction); otherwise the centres the caller may see. */
    public Optional<Set<UUID>> centreRestriction() {
        return isCityWide() ? Optional.empty() : Optional.of(centres());
    }

    /**
     * The caller's own token subject when being a facilitator is their only way in: such a caller sees the groups
     * that list them as a facilitator, not every group of their centres (a social worker or a city-wide role does).
     * Empty for everyone else.
     */
    public Optional<String> facilitatorRestriction() {
        boolean wider = isCityWide() || hasRole(Roles.SOCIAL_WORKER);
        return !wider && hasRole(Roles.FACILITATOR) ? Optional.of(subject()) : Optional.empty();
    }

    public boolean canSee(UUID centreId) {
        return centreId != null && (isCityWide() || centres().contains(centreId));
    }

    /**
     * Passes when the caller may see {@code centreId}; otherwise answers 404 for the record
     * ({@code kind} {@code id}) that lives there.
     */
    public void requireCentre(UUID centreId, String kind, Object id) {
        if (!canSee(centreId)) {
            throw ProblemException.notFound(kind, id);
        }
    }

    public Set<UUID> centres() {
        if (centres == null) {
            centres = parseCentres(token.getClaim(CENTRES_CLAIM));
        }
        return centres;
    }

    private static Set<UUID> parseCentres(Object claim) {
        Set<UUID> result = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                addCentre(result, v instanceof JsonString s ? s.getString() : v.toString());
            }
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> addCentre(result, String.valueOf(v)));
        } else if (claim instanceof String s) {
            addCentre(result, s);
        }
        return Set.copyOf(result);
    }

    private static void addCentre(Set<UUID> result, String value) {
        try {
            result.add(UUID.fromString(value.replace("\"", "").trim()));
        } catch (IllegalArgumentException ignored) {
            // a malformed centre id grants nothing
        }
    }
}

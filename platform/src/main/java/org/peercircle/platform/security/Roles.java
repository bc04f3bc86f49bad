package org.peercircle.platform.security;

/** The five roles of a PeerCircle token (realm roles in Keycloak). */
public final class Roles {

    /** City-wide programme coordinator: every centre, configuration, erasure, audit. */
    public static final String COORDINATOR = "coordinator";
    /** Social worker: the centres listed in the token's {@code centres} claim. */
    public static final String SOCIAL_WORKER = "social-worker";
    /** Group facilitator: their own groups, within the token's centres. */
    public static final String FACILITATOR = "facilitator";
    /** Analyst: reporting only, pseudonymous data only. */
    public static final String ANALYST = "analyst";
    /** The city platform's service account. */
    public static final String INTEGRATION = "integration";

    private Roles() {
    }
}

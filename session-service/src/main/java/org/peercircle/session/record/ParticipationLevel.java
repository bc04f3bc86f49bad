package org.peercircle.session.record;

/** How a member took part in a session, as the worker observed it. */
public enum ParticipationLevel {
    /** Took the lead, encouraged others. */
    ACTIVE,
    /** Joined in when invited. */
    RESPONSIVE,
    /** Present but mostly watched. */
    PASSIVE,
    /** Kept apart or left early. */
    WITHDRAWN
}

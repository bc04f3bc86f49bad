package org.peercircle.contracts;

import java.util.List;

/** One topic per owning service; records are keyed by the aggregate id so order holds per aggregate. */
public final class Topics {

    public static final String PARTICIPANT_EVENTS = "participant-events";
    public static final String SESSION_EVENTS = "session-events";
    public static final String ASSESSMENT_EVENTS = "assessment-events";

    public static final List<String> ALL = List.of(PARTICIPANT_EVENTS, SESSION_EVENTS, ASSESSMENT_EVENTS);

    private Topics() {
    }
}

package org.peercircle.participant.status;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.peercircle.participant.participant.Participant.Status;

/**
 * The participant lifecycle: REFERRED → SCREENING → ELIGIBLE or INELIGIBLE → ENROLLED → COMPLETED, with
 * WITHDRAWN possible from every open state (people drop out at any point) and a re-screening of someone
 * found ineligible earlier. COMPLETED and WITHDRAWN are final.
 */
public final class StatusTransitions {

    private static final Map<Status, Set<Status>> ALLOWED = Map.of(
            Status.REFERRED, EnumSet.of(Status.SCREENING, Status.WITHDRAWN),
            Status.SCREENING, EnumSet.of(Status.ELIGIBLE, Status.INELIGIBLE, Status.WITHDRAWN),
            Status.ELIGIBLE, EnumSet.of(Status.ENROLLED, Status.WITHDRAWN),
            Status.INELIGIBLE, EnumSet.of(Status.SCREENING),
            Status.ENROLLED, EnumSet.of(Status.COMPLETED, Status.WITHDRAWN),
            Status.COMPLETED, EnumSet.noneOf(Status.class),
            Status.WITHDRAWN, EnumSet.noneOf(Status.class));

    private StatusTransitions() {
    }

    public static Set<Status> allowedFrom(Status from) {
        return ALLOWED.get(from);
    }

    public static boolean isAllowed(Status from, Status to) {
        return ALLOWED.get(from).contains(to);
    }
}

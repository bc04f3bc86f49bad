package org.peercircle.participant.status;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The shortest run of legal steps from {@code from} to {@code to} (excluding {@code from}): a screening
     * decision for someone just referred is two steps, REFERRED → SCREENING → ELIGIBLE, each published.
     * Empty when already there; absent when the lifecycle does not lead there (ELIGIBLE → INELIGIBLE).
     */
    public static Optional<List<Status>> path(Status from, Status to) {
        if (from == to) {
            return Optional.of(List.of());
        }
        Map<Status, Status> previous = new EnumMap<>(Status.class);
        Deque<Status> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            Status current = queue.poll();
            for (Status next : ALLOWED.get(current)) {
                if (next == from || previous.containsKey(next)) {
                    continue;
                }
                previous.put(next, current);
                if (next == to) {
                    List<Status> steps = new ArrayList<>();
                    for (Status s = to; s != from; s = previous.get(s)) {
                        steps.add(s);
                    }
                    Collections.reverse(steps);
                    return Optional.of(List.copyOf(steps));
                }
                queue.add(next);
            }
        }
        return Optional.empty();
    }
}

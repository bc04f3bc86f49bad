package org.peercircle.contracts.session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code group.created.v1}: a support, mutual-aid or interest group was set up in a centre. {@code facilitators} are
 * the staff's token subjects, so reporting can show a facilitator only their own groups.
 */
public record GroupCreated(
        UUID groupId,
        UUID centreId,
        String name,
        String kind,
        String templateCode,
        int capacityMin,
        int capacityMax,
        int plannedSessions,
        LocalDate firstSessionDate,
        String timeZone,
        OffsetDateTime createdAt,
        List<String> facilitators) {

    public GroupCreated {
        facilitators = facilitators == null ? List.of() : List.copyOf(facilitators);
    }

    /** A group announced before facilitators were part of the event (or set up without any). */
    public GroupCreated(UUID groupId, UUID centreId, String name, String kind, String templateCode, int capacityMin,
            int capacityMax, int plannedSessions, LocalDate firstSessionDate, String timeZone, OffsetDateTime createdAt) {
        this(groupId, centreId, name, kind, templateCode, capacityMin, capacityMax, plannedSessions, firstSessionDate,
                timeZone, createdAt, List.of());
    }
}

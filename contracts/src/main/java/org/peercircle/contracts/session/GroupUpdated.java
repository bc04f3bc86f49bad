package org.peercircle.contracts.session;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code group.updated.v1}: a group's name, capacity or facilitators changed. Carries the whole new state (not a
 * diff), so a consumer that missed an update is right again after the next one; {@code version} orders them.
 */
public record GroupUpdated(
        UUID groupId,
        UUID centreId,
        String name,
        int capacityMin,
        int capacityMax,
        List<String> facilitators,
        long version,
        OffsetDateTime updatedAt) {

    public GroupUpdated {
        facilitators = facilitators == null ? List.of() : List.copyOf(facilitators);
    }
}

package org.peercircle.session.group;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Group")
public record GroupView(
        UUID id,
        UUID centreId,
        String name,
        GroupKind kind,
        String targetPopulation,
        String approach,
        List<String> goals,
        List<String> facilitators,
        GroupRequest.Capacity capacity,
        long enrolled,
        long waitListed,
        String timeZone,
        GroupStatus status,
        String templateCode,
        OffsetDateTime createdAt,
        long version) {

    /** {@code createdAt} in the group's own time zone (the database gives it back in UTC). */
    static GroupView of(SupportGroup g, long enrolled, long waitListed) {
        return new GroupView(g.id, g.centreId, g.name, g.kind, g.targetPopulation, g.approach, g.goals,
                List.copyOf(g.facilitators), new GroupRequest.Capacity(g.capacityMin, g.capacityMax), enrolled,
                waitListed, g.timeZone, g.status, g.templateCode,
                g.createdAt.atZoneSameInstant(g.zone()).toOffsetDateTime(), g.version);
    }
}

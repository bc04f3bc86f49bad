package org.peercircle.session.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.session.programme.Phase;
import org.peercircle.session.programme.Text;

/** A session as staff see it; times in the group's time zone. */
@Schema(name = "Session")
public record SessionView(
        UUID id,
        UUID groupId,
        int sequence,
        Phase phase,
        Text theme,
        List<Text> objectives,
        List<Text> activities,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String timeZone,
        String venue,
        String facilitator,
        SessionStatus status,
        boolean attendanceRecorded,
        OffsetDateTime completedAt,
        List<Change> changes,
        long version) {

    @Schema(name = "SessionChange")
    public record Change(SessionChange.Kind kind, OffsetDateTime previousStartsAt, OffsetDateTime previousEndsAt,
            String previousVenue, String reason, String changedBy, OffsetDateTime changedAt) {
    }

    public static SessionView of(GroupSession s, ZoneId zone) {
        List<Change> changes = SessionChange.<SessionChange>list("sessionId = ?1 order by changedAt", s.id).stream()
                .map(c -> new Change(c.kind, at(c.previousStartsAt, zone), at(c.previousEndsAt, zone), c.previousVenue,
                        c.reason, c.changedBy, at(c.changedAt, zone)))
                .toList();
        return new SessionView(s.id, s.groupId, s.sequence, s.phase, s.theme(), s.objectives, s.activities,
                at(s.startsAt, zone), at(s.endsAt, zone), zone.getId(), s.venue, s.facilitator, s.status,
                s.attendanceRecordedAt != null, at(s.completedAt, zone), changes, s.version);
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}

package org.peercircle.reporting.dashboard;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.peercircle.reporting.dashboard.CentreDashboardResource.GroupSummary;
import org.peercircle.reporting.group.GroupProcess;
import org.peercircle.reporting.group.Groups;
import org.peercircle.reporting.privacy.Privacy;
import org.peercircle.reporting.readmodel.Sql;

/**
 * The group list of a centre dashboard: the groups still open and the {@value #RECENTLY_CLOSED} most recently
 * closed (the others are in the counts; their own dashboards stay reachable), each summed up with four set-based
 * queries over just those groups, so the cost follows what is running, not the centre's history.
 */
@ApplicationScoped
public class CentreGroups {

    static final int RECENTLY_CLOSED = 20;

    @Inject
    Sql sql;

    @Inject
    Groups groups;

    public List<GroupSummary> of(UUID centreId) {
        List<Groups.Group> listed = groups.currentInCentre(centreId, RECENTLY_CLOSED);
        if (listed.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = listed.stream().map(Groups.Group::groupId).toList();
        Map<UUID, Map<String, Long>> states = new HashMap<>();
        sql.list("SELECT group_id, state, count(*) AS n FROM group_member WHERE group_id = ANY(?) AND "
                + Privacy.counted("participant_id") + " GROUP BY 1, 2", rs -> states
                        .computeIfAbsent(Sql.uuid(rs, "group_id"), g -> new HashMap<>()).put(rs.getString("state"), rs.getLong("n")),
                ids);
        Map<UUID, Long> held = new HashMap<>();
        sql.list("SELECT group_id, count(*) AS n FROM group_session WHERE group_id = ANY(?) AND completed_at IS NOT NULL "
                + "GROUP BY 1", rs -> held.put(Sql.uuid(rs, "group_id"), rs.getLong("n")), ids);
        Map<UUID, long[]> marks = new HashMap<>();
        sql.list("SELECT group_id, count(*) AS recorded, count(*) FILTER (WHERE status IN ('PRESENT', 'LATE')) AS attended "
                + "FROM session_attendance WHERE group_id = ANY(?) AND " + Privacy.counted("participant_id") + " GROUP BY 1",
                rs -> marks.put(Sql.uuid(rs, "group_id"), new long[] { rs.getLong("recorded"), rs.getLong("attended") }), ids);
        Map<UUID, List<GroupProcess.AtRisk>> atRisk = new HashMap<>();
        // as GroupProcessQuery: still holding a seat and not seen (present or late) at a later session
        sql.list("""
                WITH signal AS (
                    SELECT r.group_id, r.participant_id, r.consecutive_absences, r.last_session_id, r.detected_at,
                           COALESCE(s.sequence, (SELECT max(a.sequence) FROM session_attendance a
                                                 WHERE a.session_id = r.last_session_id)) AS last_sequence
                    FROM member_at_risk r
                    JOIN group_member m ON m.group_id = r.group_id AND m.participant_id = r.participant_id
                                       AND m.state = 'ENROLLED'
                    LEFT JOIN group_session s ON s.session_id = r.last_session_id
                    WHERE r.group_id = ANY(?) AND %s)
                SELECT * FROM signal
                WHERE last_sequence IS NULL OR NOT EXISTS (
                    SELECT 1 FROM session_attendance a WHERE a.group_id = signal.group_id
                        AND a.participant_id = signal.participant_id AND a.status IN ('PRESENT', 'LATE')
                        AND a.sequence > signal.last_sequence)
                ORDER BY participant_id
                """.formatted(Privacy.counted("m.participant_id")), rs -> atRisk
                .computeIfAbsent(Sql.uuid(rs, "group_id"), g -> new ArrayList<>())
                .add(new GroupProcess.AtRisk(Sql.uuid(rs, "participant_id"), rs.getInt("consecutive_absences"),
                        Sql.uuid(rs, "last_session_id"), Sql.nullableInt(rs, "last_sequence"),
                        rs.getObject("detected_at", OffsetDateTime.class))), ids);

        List<GroupSummary> result = new ArrayList<>();
        for (Groups.Group g : listed) {
            Map<String, Long> s = states.getOrDefault(g.groupId(), Map.of());
            long seated = s.getOrDefault("ENROLLED", 0L);
            long withdrawn = s.getOrDefault("WITHDRAWN", 0L);
            boolean closed = "CLOSED".equals(g.status());
            GroupProcess.Membership membership = new GroupProcess.Membership(closed ? 0 : seated, closed ? seated : 0,
                    withdrawn, s.getOrDefault("WAIT_LISTED", 0L), s.getOrDefault("LEFT_WAIT_LIST", 0L),
                    ratio(seated, seated + withdrawn));
            long[] m = marks.getOrDefault(g.groupId(), new long[2]);
            result.add(new GroupSummary(g.groupId(), g.title(), g.kind(), g.status(), membership,
                    held.getOrDefault(g.groupId(), 0L), ratio(m[1], m[0]), atRisk.getOrDefault(g.groupId(), List.of())));
        }
        return result;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}

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
 * closed (the others are in the counts; their own dashboards stay reachable), summed up with two queries over just
 * those groups (each a round trip that waits its turn for the database under load), so the cost follows what is
 * running, not the centre's history.
 */
@ApplicationScoped
public class CentreGroups {

    static final int RECENTLY_CLOSED = 20;

    @Inject
    Sql sql;

    @Inject
    Groups groups;

    /**
     * Per listed group, in one round trip: seats by state, sessions held and attendance marks, each over the people
     * counted (as the group's own dashboard counts them).
     */
    private static final String COUNTS = """
            SELECT g.group_id, m.enrolled, m.withdrawn, m.wait_listed, m.left_wait_list, s.held, a.recorded, a.attended
            FROM unnest(?) AS g(group_id)
            CROSS JOIN LATERAL (
                SELECT count(*) FILTER (WHERE state = 'ENROLLED') AS enrolled,
                       count(*) FILTER (WHERE state = 'WITHDRAWN') AS withdrawn,
                       count(*) FILTER (WHERE state = 'WAIT_LISTED') AS wait_listed,
                       count(*) FILTER (WHERE state = 'LEFT_WAIT_LIST') AS left_wait_list
                FROM group_member WHERE group_id = g.group_id AND %1$s) m
            CROSS JOIN LATERAL (
                SELECT count(*) AS held FROM group_session WHERE group_id = g.group_id AND completed_at IS NOT NULL) s
            CROSS JOIN LATERAL (
                SELECT count(*) AS recorded, count(*) FILTER (WHERE status IN ('PRESENT', 'LATE')) AS attended
                FROM session_attendance WHERE group_id = g.group_id AND %1$s) a
            """.formatted(Privacy.counted("participant_id"));

    private record Counts(long seated, long withdrawn, long waitListed, long leftWaitList, long held, long recorded,
            long attended) {
    }

    public List<GroupSummary> of(UUID centreId) {
        List<Groups.Group> listed = groups.currentInCentre(centreId, RECENTLY_CLOSED);
        if (listed.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = listed.stream().map(Groups.Group::groupId).toList();
        Map<UUID, Counts> counts = new HashMap<>();
        sql.list(COUNTS, rs -> counts.put(Sql.uuid(rs, "group_id"), new Counts(rs.getLong("enrolled"),
                rs.getLong("withdrawn"), rs.getLong("wait_listed"), rs.getLong("left_wait_list"), rs.getLong("held"),
                rs.getLong("recorded"), rs.getLong("attended"))), ids);
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
            Counts c = counts.get(g.groupId()); // a row for every listed group: aggregates without GROUP BY
            boolean closed = "CLOSED".equals(g.status());
            GroupProcess.Membership membership = new GroupProcess.Membership(closed ? 0 : c.seated(),
                    closed ? c.seated() : 0, c.withdrawn(), c.waitListed(), c.leftWaitList(),
                    ratio(c.seated(), c.seated() + c.withdrawn()));
            result.add(new GroupSummary(g.groupId(), g.title(), g.kind(), g.status(), membership, c.held(),
                    ratio(c.attended(), c.recorded()), atRisk.getOrDefault(g.groupId(), List.of())));
        }
        return result;
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}

package org.peercircle.reporting.group;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.peercircle.contracts.EventJson;
import org.peercircle.reporting.privacy.Privacy;
import org.peercircle.reporting.readmodel.Sql;

import com.fasterxml.jackson.core.type.TypeReference;

/** Reads one group's process figures from the read model. */
@ApplicationScoped
public class GroupProcessQuery {

    @Inject
    Sql sql;

    private record Member(UUID participantId, String state, String reason) {
    }

    private record Mark(UUID sessionId, UUID participantId, int sequence, String status) {
        boolean attended() {
            return "PRESENT".equals(status) || "LATE".equals(status);
        }
    }

    public GroupProcess of(Groups.Group group) {
        UUID groupId = group.groupId();
        boolean closed = "CLOSED".equals(group.status());
        Map<UUID, Member> members = new LinkedHashMap<>();
        sql.list("SELECT participant_id, state, withdrawal_reason FROM group_member WHERE group_id = ? AND "
                + Privacy.counted("participant_id") + " ORDER BY participant_id",
                rs -> new Member(Sql.uuid(rs, "participant_id"), rs.getString("state"), rs.getString("withdrawal_reason")),
                groupId).forEach(m -> members.put(m.participantId(), m));
        List<Mark> marks = sql.list("SELECT session_id, participant_id, sequence, status FROM session_attendance "
                + "WHERE group_id = ? AND " + Privacy.counted("participant_id") + " ORDER BY sequence, participant_id",
                rs -> new Mark(Sql.uuid(rs, "session_id"), Sql.uuid(rs, "participant_id"), rs.getInt("sequence"),
                        rs.getString("status")), groupId);

        long seated = members.values().stream().filter(m -> "ENROLLED".equals(m.state())).count();
        long withdrawn = count(members, "WITHDRAWN");
        long enrolled = closed ? 0 : seated;
        long completed = closed ? seated : 0;
        GroupProcess.Membership membership = new GroupProcess.Membership(enrolled, completed, withdrawn,
                count(members, "WAIT_LISTED"), count(members, "LEFT_WAIT_LIST"),
                ratio(seated, seated + withdrawn));
        Map<String, Long> reasons = new TreeMap<>();
        members.values().stream().filter(m -> "WITHDRAWN".equals(m.state()) && m.reason() != null)
                .forEach(m -> reasons.merge(m.reason(), 1L, Long::sum));

        List<GroupProcess.SessionFigures> sessions = sql.list("""
                SELECT session_id, sequence, theme, phase, starts_at, status, completed_at, theme_tags::text AS tags,
                       objectives_met
                FROM group_session WHERE group_id = ? ORDER BY sequence, starts_at, session_id
                """, rs -> {
            UUID sessionId = Sql.uuid(rs, "session_id");
            List<Mark> of = marks.stream().filter(m -> m.sessionId().equals(sessionId)).toList();
            long present = of.stream().filter(m -> "PRESENT".equals(m.status())).count();
            long late = of.stream().filter(m -> "LATE".equals(m.status())).count();
            return new GroupProcess.SessionFigures(sessionId, rs.getInt("sequence"), rs.getString("theme"),
                    rs.getString("phase"), rs.getObject("starts_at", OffsetDateTime.class), rs.getString("status"),
                    rs.getObject("completed_at", OffsetDateTime.class), tags(rs.getString("tags")),
                    Sql.nullableDouble(rs, "objectives_met"), of.size(), present, late,
                    of.stream().filter(m -> "ABSENT".equals(m.status())).count(),
                    of.stream().filter(m -> "EXCUSED".equals(m.status())).count(), ratio(present + late, of.size()));
        }, groupId);

        List<GroupProcess.AtRisk> atRisk = atRisk(groupId, members, marks);
        List<UUID> atRiskIds = atRisk.stream().map(GroupProcess.AtRisk::participantId).toList();

        Map<UUID, GroupProcess.MemberFigures> rows = new LinkedHashMap<>();
        List<UUID> everyone = new ArrayList<>(members.keySet());
        marks.stream().map(Mark::participantId).filter(p -> !members.containsKey(p)).distinct().forEach(everyone::add);
        for (UUID p : everyone) {
            Member m = members.get(p);
            List<Mark> own = marks.stream().filter(x -> x.participantId().equals(p)).toList();
            long attended = own.stream().filter(Mark::attended).count();
            Map<Integer, String> cells = new TreeMap<>();
            own.forEach(x -> cells.put(x.sequence(), x.status()));
            rows.put(p, new GroupProcess.MemberFigures(p, m == null ? "NONE" : m.state(), m == null ? null : m.reason(),
                    attended, own.size(), ratio(attended, own.size()), atRiskIds.contains(p), cells));
        }
        long attendedAll = marks.stream().filter(Mark::attended).count();
        return new GroupProcess(groupId, group.centreId(), group.title(), group.kind(), group.status(),
                group.plannedSessions(), group.capacityMax(), membership, reasons, ratio(attendedAll, marks.size()),
                sessions, new ArrayList<>(rows.values()), atRisk);
    }

    /** At risk while still holding a seat and not seen (present or late) at a session after the signal. */
    private List<GroupProcess.AtRisk> atRisk(UUID groupId, Map<UUID, Member> members, List<Mark> marks) {
        return sql.list("""
                SELECT r.participant_id, r.consecutive_absences, r.last_session_id, r.detected_at,
                       COALESCE(s.sequence, (SELECT max(a.sequence) FROM session_attendance a
                                             WHERE a.session_id = r.last_session_id)) AS last_sequence
                FROM member_at_risk r LEFT JOIN group_session s ON s.session_id = r.last_session_id
                WHERE r.group_id = ? ORDER BY r.participant_id
                """, rs -> new GroupProcess.AtRisk(Sql.uuid(rs, "participant_id"), rs.getInt("consecutive_absences"),
                Sql.uuid(rs, "last_session_id"), Sql.nullableInt(rs, "last_sequence"),
                rs.getObject("detected_at", OffsetDateTime.class)), groupId)
                .stream()
                .filter(r -> members.containsKey(r.participantId())
                        && "ENROLLED".equals(members.get(r.participantId()).state()))
                .filter(r -> r.lastSessionSequence() == null || marks.stream().noneMatch(m -> m.attended()
                        && m.participantId().equals(r.participantId()) && m.sequence() > r.lastSessionSequence()))
                .toList();
    }

    private static long count(Map<UUID, Member> members, String state) {
        return members.values().stream().filter(m -> state.equals(m.state())).count();
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    private static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };

    private static List<String> tags(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return EventJson.MAPPER.readValue(json, TAGS);
        } catch (Exception e) {
            throw new IllegalStateException("stored theme tags are not JSON", e);
        }
    }
}

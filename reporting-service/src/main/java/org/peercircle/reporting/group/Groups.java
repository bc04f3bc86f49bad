package org.peercircle.reporting.group;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;
import org.peercircle.reporting.readmodel.Sql;

/**
 * Finds the groups a caller may see: those of their centres, and for a caller who is only a facilitator, those that
 * list them as a facilitator. An unknown group, another centre's and another facilitator's all answer 404.
 */
@ApplicationScoped
public class Groups {

    public record Group(UUID groupId, UUID centreId, String title, String kind, String status, Integer plannedSessions,
            Integer capacityMax) {
    }

    @Inject
    Sql sql;

    @Inject
    Caller caller;

    private static final String SELECT = """
            SELECT group_id, centre_id, title, kind, status, planned_sessions, capacity_max FROM support_group
            """;

    public Group visible(UUID groupId) {
        Optional<String> facilitator = caller.facilitatorRestriction();
        Group group = sql.list(SELECT + " WHERE " + facilitatedBy(facilitator) + " AND group_id = ?", Groups::group,
                        params(facilitator, groupId))
                .stream().findFirst().orElseThrow(() -> ProblemException.notFound("group", groupId));
        caller.requireCentre(group.centreId(), "group", groupId);
        return group;
    }

    /** The SQL condition on {@code support_group} that keeps a facilitator-only caller to their own groups. */
    public static String facilitatedBy(Optional<String> facilitator) {
        return facilitator.isPresent() ? "? = ANY(facilitators)" : "true";
    }

    private static Object[] params(Optional<String> facilitator, Object... after) {
        List<Object> params = new ArrayList<>();
        facilitator.ifPresent(params::add);
        params.addAll(List.of(after));
        return params.toArray();
    }

    /**
     * The centre's groups that are not closed, and its {@code closedLimit} most recently closed ones, oldest first.
     * Reads the (centre, status) index only: a centre's closed history is not scanned.
     */
    public List<Group> currentInCentre(UUID centreId, int closedLimit) {
        Optional<String> facilitator = caller.facilitatorRestriction();
        String own = facilitatedBy(facilitator);
        List<Object> params = new ArrayList<>(List.of(params(facilitator, centreId)));
        params.addAll(List.of(params(facilitator, centreId, closedLimit)));
        return sql.list("""
                SELECT * FROM (
                    (SELECT group_id, centre_id, title, kind, status, planned_sessions, capacity_max, created_at
                     FROM support_group WHERE %1$s AND centre_id = ? AND status IN ('PLANNING', 'RECRUITING', 'RUNNING'))
                    UNION ALL
                    (SELECT group_id, centre_id, title, kind, status, planned_sessions, capacity_max, created_at
                     FROM support_group WHERE %1$s AND centre_id = ? AND status = 'CLOSED'
                     ORDER BY status_changed_at DESC NULLS LAST, group_id LIMIT ?)) listed
                ORDER BY created_at NULLS LAST, group_id
                """.formatted(own), Groups::group, params.toArray());
    }

    private static Group group(ResultSet rs) throws SQLException {
        return new Group(Sql.uuid(rs, "group_id"), Sql.uuid(rs, "centre_id"), rs.getString("title"),
                rs.getString("kind"), rs.getString("status"), Sql.nullableInt(rs, "planned_sessions"),
                Sql.nullableInt(rs, "capacity_max"));
    }
}

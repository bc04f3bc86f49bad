package org.peercircle.reporting.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.peercircle.contracts.EventJson;
import org.peercircle.reporting.outcome.Score;
import org.peercircle.reporting.privacy.Privacy;
import org.peercircle.reporting.readmodel.Sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

/** Reads the current scores of the people who count (analytics consent not withdrawn; erased people are gone). */
@ApplicationScoped
public class Scores {

    private static final String COLUMNS = """
            SELECT administration_id, revision, participant_id, centre_id, group_id, instrument_code,
                   instrument_version, phase, administered_at, total_score, subscale_scores::text AS subscales,
                   higher_is_worse, reliability, norm_sd, subscale_reliability::text AS subscale_reliability,
                   subscale_norm_sd::text AS subscale_norm_sd, item_values::text AS items
            FROM assessment_score
            """;

    private static final TypeReference<Map<String, Double>> SCORES = new TypeReference<>() {
    };

    @Inject
    Sql sql;

    /** A stored administration, with what exports and distributions need beyond {@link Score}. */
    public record Row(Score score, UUID centreId, int revision, Map<String, Double> items) {
    }

    public List<Score> outcomeScoresOfGroup(UUID groupId) {
        return sql.list(COLUMNS + " WHERE group_id = ? AND phase IN ('PRE', 'POST') AND "
                + Privacy.counted("participant_id"), rs -> row(rs).score(), groupId);
    }

    /**
     * Streams the scores of some centres (null: every centre) to {@code each}, a cursor's worth at a time, never
     * holding them all.
     *
     * @param facilitatorOrNull only scores given in the groups this facilitator runs
     * @param inGroupsOnly only scores given in a group, ordered by group (for per-group outcomes); otherwise ordered
     *        by administration time
     */
    public void streamOfCentres(Collection<UUID> centres, UUID groupOrNull, String facilitatorOrNull,
            boolean inGroupsOnly, java.util.function.Consumer<Row> each) {
        StringBuilder where = new StringBuilder(" WHERE " + Privacy.counted("participant_id"));
        List<Object> params = new java.util.ArrayList<>();
        if (centres != null) {
            where.append(" AND centre_id = ANY(?)");
            params.add(centres);
        }
        if (groupOrNull != null) {
            where.append(" AND group_id = ?");
            params.add(groupOrNull);
        }
        if (facilitatorOrNull != null) {
            where.append(" AND group_id IN (SELECT group_id FROM support_group WHERE ? = ANY(facilitators))");
            params.add(facilitatorOrNull);
        }
        if (inGroupsOnly) {
            where.append(" AND group_id IS NOT NULL AND phase IN ('PRE', 'POST')");
        }
        String order = inGroupsOnly ? " ORDER BY group_id, administered_at, administration_id"
                : " ORDER BY administered_at, administration_id";
        sql.stream(COLUMNS + where + order, 1000, rs -> each.accept(row(rs)), params.toArray());
    }

    private static Row row(ResultSet rs) throws SQLException {
        Score score = new Score(Sql.uuid(rs, "participant_id"), Sql.uuid(rs, "group_id"),
                Sql.uuid(rs, "administration_id"), rs.getString("instrument_code"), rs.getInt("instrument_version"),
                rs.getString("phase"), rs.getObject("administered_at", OffsetDateTime.class),
                Sql.nullableDouble(rs, "total_score"), parseMap(rs.getString("subscales")), rs.getBoolean("higher_is_worse"),
                Sql.nullableDouble(rs, "reliability"), Sql.nullableDouble(rs, "norm_sd"),
                parseMap(rs.getString("subscale_reliability")), parseMap(rs.getString("subscale_norm_sd")));
        return new Row(score, Sql.uuid(rs, "centre_id"), rs.getInt("revision"), parseMap(rs.getString("items")));
    }

    /** Subscale scores or item values as stored (a JSON object of numbers), or null. */
    public static Map<String, Double> parseMap(String json) {
        if (json == null) {
            return null;
        }
        try {
            return EventJson.MAPPER.readValue(json, SCORES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scores are not JSON", e);
        }
    }
}

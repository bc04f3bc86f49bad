package org.peercircle.reporting.privacy;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.peercircle.reporting.readmodel.ReadModelTables;
import org.peercircle.reporting.readmodel.Sql;

/**
 * Erasure and analytics consent, the two rules that decide whether a person counts at all.
 *
 * <p>Erasure removes every row about the person and keeps only the bare pseudonymous id as a tombstone, so that
 * an event about them that another topic delivers later (or a replay delivers again) is ignored instead of
 * bringing them back. Withdrawn analytics consent keeps the rows (consent may be granted again) but every figure
 * and export leaves the person out, through {@link #counted(String)}.
 */
@ApplicationScoped
public class Privacy {

    @Inject
    Sql sql;

    /** A WHERE condition: the participant in {@code column} has not withdrawn analytics consent. */
    public static String counted(String column) {
        return column + " NOT IN (SELECT participant_id FROM analytics_consent WHERE NOT granted)";
    }

    public boolean isErased(UUID participantId) {
        return sql.count("SELECT count(*) FROM erased_participant WHERE participant_id = ?", participantId) > 0;
    }

    /** The erased among the given people, with one query. */
    public java.util.Set<UUID> erasedAmong(java.util.Collection<UUID> participantIds) {
        if (participantIds.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(sql.list("SELECT participant_id FROM erased_participant WHERE participant_id = ANY(?)",
                rs -> Sql.uuid(rs, "participant_id"), Sql.array("uuid", new java.util.HashSet<>(participantIds))));
    }

    public void erase(UUID participantId, UUID centreId, java.time.OffsetDateTime erasedAt) {
        for (String table : ReadModelTables.PER_PARTICIPANT) {
            sql.update("DELETE FROM " + table + " WHERE participant_id = ?", participantId);
        }
        sql.update("""
                INSERT INTO erased_participant (participant_id, centre_id, erased_at) VALUES (?, ?, ?)
                ON CONFLICT (participant_id) DO NOTHING
                """, participantId, centreId, erasedAt);
    }
}

package org.peercircle.assessment.administration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import org.peercircle.platform.outbox.Outbox;

/**
 * Stores a new administration, its first revision and its event with one statement (a data-modifying {@code WITH}):
 * a submission is the city platform's most frequent write, and one round trip to the database instead of three (with
 * no ORM flush around them) is most of what it costs. The columns are those the {@link Administration} and
 * {@link AdministrationRevision} entities map; reading a submitted form back through them is what the
 * administration tests do.
 */
final class AdministrationInsert {

    private static final String SQL = """
            WITH administration_row AS (
                INSERT INTO administration (id, participant_id, centre_id, group_id, instrument_code, instrument_version,
                    phase, mode, administered_at, revision, answers, total_score, subscale_scores, band, prorated,
                    submitted_at, submitted_by, idempotency_key, request_hash, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)),
            revision_row AS (
                INSERT INTO administration_revision (administration_id, revision, administered_at, answers, total_score,
                    subscale_scores, band, prorated, reason, recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))
            """ + Outbox.INSERT;

    private AdministrationInsert() {
    }

    static void run(Connection connection, Administration a, AdministrationRevision r, Outbox.Event event)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(SQL)) {
            int i = 1;
            insert.setObject(i++, a.id);
            insert.setObject(i++, a.participantId);
            insert.setObject(i++, a.centreId);
            insert.setObject(i++, a.groupId);
            insert.setString(i++, a.instrumentCode);
            insert.setInt(i++, a.instrumentVersion);
            insert.setString(i++, a.phase.name());
            insert.setString(i++, a.mode.name());
            insert.setObject(i++, a.administeredAt);
            insert.setInt(i++, a.revision);
            insert.setString(i++, a.answers);
            insert.setBigDecimal(i++, a.totalScore);
            insert.setString(i++, a.subscaleScores);
            insert.setString(i++, a.band);
            insert.setBoolean(i++, a.prorated);
            insert.setObject(i++, a.submittedAt);
            insert.setString(i++, a.submittedBy);
            insert.setString(i++, a.idempotencyKey);
            insert.setString(i++, a.requestHash);
            insert.setLong(i++, a.version);

            insert.setObject(i++, r.administrationId);
            insert.setInt(i++, r.revision);
            insert.setObject(i++, r.administeredAt);
            insert.setString(i++, r.answers);
            insert.setBigDecimal(i++, r.totalScore);
            insert.setString(i++, r.subscaleScores);
            insert.setString(i++, r.band);
            insert.setBoolean(i++, r.prorated);
            insert.setString(i++, r.reason);
            insert.setObject(i++, r.recordedAt);
            insert.setString(i++, r.recordedBy);

            Outbox.bind(insert, i, event);
            insert.executeUpdate();
        }
    }
}

package org.peercircle.participant.participant;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.participant.audit.AuditLog;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.participant.participant.Participant.MoveReason;
import org.peercircle.participant.participant.Participant.ReferralSource;
import org.peercircle.participant.participant.Participant.Status;

/**
 * A participant row read with one plain statement, for the single-record read the city platform makes most: the same
 * columns the {@link Participant} entity maps (ParticipantRowTest compares the two on a fully filled record), without
 * an ORM session around it. The object returned is detached: reading it changes nothing.
 */
final class ParticipantRow {

    private static final String COLUMNS = """
            id, centre_id, full_name, gender, birth_date, phone, neighbourhood, living_situation,
            hometown_province, hometown_city, moved_to_city_year, move_reason, migrant, dialects, interests,
            mobility_notes, health_notes, emergency_contact_name, emergency_contact_relation,
            emergency_contact_phone, referral_source, status, registered_at, erased_at, erased_by, version""";

    private static final String SELECT = "SELECT " + COLUMNS + " FROM participant WHERE id = ?";

    /**
     * The row and, in the same statement, its audit entry when the caller may see it: not erased, and in one of the
     * caller's centres (the array is null for a city-wide caller). The condition mirrors {@code Caller}'s rule so
     * that one round trip does both; the rule in Java still decides what is answered, and writes the entry itself
     * should the two ever disagree.
     */
    private static final String SELECT_AUDITED = """
            WITH p AS (SELECT %s FROM participant WHERE id = ?),
            entry AS (
                INSERT INTO audit_entry (occurred_at, subject, role, operation, participant_id, centre_id)
                SELECT ?, ?, ?, ?, id, centre_id FROM p
                WHERE erased_at IS NULL AND (CAST(? AS uuid[]) IS NULL OR centre_id = ANY(CAST(? AS uuid[])))
                RETURNING 1)
            SELECT p.*, EXISTS (SELECT 1 FROM entry) AS audited FROM p
            """.formatted(COLUMNS);

    /** A row read with {@link #byIdAudited}, and whether its audit entry was written with it. */
    record Audited(Participant participant, boolean entryWritten) {
    }

    private ParticipantRow() {
    }

    /** The participant with this id, or null. */
    static Participant byId(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? read(rs) : null;
            }
        }
    }

    /**
     * The participant with this id (null participant if there is none), with its audit entry written in the same
     * statement if {@code centres} (null: all) holds its centre and it is not erased.
     */
    static Audited byIdAudited(Connection connection, UUID id, AuditLog.Reader reader, Set<UUID> centres)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_AUDITED)) {
            select.setObject(1, id);
            int next = reader.bind(select, 2);
            Array visible = centres == null ? null : connection.createArrayOf("uuid", centres.toArray());
            select.setArray(next, visible);
            select.setArray(next + 1, visible);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? new Audited(read(rs), rs.getBoolean("audited")) : new Audited(null, false);
            }
        }
    }

    private static Participant read(ResultSet rs) throws SQLException {
        Participant p = new Participant();
        p.id = rs.getObject("id", UUID.class);
        p.centreId = rs.getObject("centre_id", UUID.class);
        p.fullName = rs.getString("full_name");
        p.gender = enumValue(Gender.class, rs.getString("gender"));
        p.birthDate = rs.getObject("birth_date", java.time.LocalDate.class);
        p.phone = rs.getString("phone");
        p.neighbourhood = rs.getString("neighbourhood");
        p.livingSituation = enumValue(LivingSituation.class, rs.getString("living_situation"));
        p.hometownProvince = rs.getString("hometown_province");
        p.hometownCity = rs.getString("hometown_city");
        p.movedToCityYear = (Integer) rs.getObject("moved_to_city_year");
        p.moveReason = enumValue(MoveReason.class, rs.getString("move_reason"));
        p.migrant = rs.getBoolean("migrant");
        p.dialects = strings(rs.getArray("dialects"));
        p.interests = strings(rs.getArray("interests"));
        p.mobilityNotes = rs.getString("mobility_notes");
        p.healthNotes = rs.getString("health_notes");
        p.emergencyContactName = rs.getString("emergency_contact_name");
        p.emergencyContactRelation = rs.getString("emergency_contact_relation");
        p.emergencyContactPhone = rs.getString("emergency_contact_phone");
        p.referralSource = enumValue(ReferralSource.class, rs.getString("referral_source"));
        p.status = enumValue(Status.class, rs.getString("status"));
        p.registeredAt = rs.getObject("registered_at", OffsetDateTime.class);
        p.erasedAt = rs.getObject("erased_at", OffsetDateTime.class);
        p.erasedBy = rs.getString("erased_by");
        p.version = rs.getLong("version");
        return p;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? new ArrayList<>() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}

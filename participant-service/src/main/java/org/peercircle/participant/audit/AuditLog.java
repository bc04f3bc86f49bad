package org.peercircle.participant.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.peercircle.platform.security.Caller;
import org.peercircle.platform.security.Roles;

/**
 * Writes who read whose personal data, in the transaction of the read itself: if the audit row cannot be
 * written, the caller does not get the data either.
 */
@ApplicationScoped
public class AuditLog {

    /** Most privileged first: a token with several roles is logged under the first it holds. */
    private static final List<String> ROLE_ORDER = List.of(Roles.COORDINATOR, Roles.SOCIAL_WORKER, Roles.FACILITATOR,
            Roles.INTEGRATION, Roles.ANALYST);

    /** A participant record that an answer carried. */
    public record Subject(UUID participantId, UUID centreId) {
    }

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Transactional(TxType.MANDATORY)
    public void record(AuditOperation operation, UUID participantId, UUID centreId) {
        record(operation, List.of(new Subject(participantId, centreId)));
    }

    @Transactional(TxType.MANDATORY)
    public void record(AuditOperation operation, Collection<Subject> records) {
        // on the transaction's own connection
        em.unwrap(Session.class).doWork(connection -> record(connection, operation, records));
    }

    /** Writes the entries on {@code connection}, in whatever transaction (or autocommit) it is in. */
    public void record(Connection connection, AuditOperation operation, Collection<Subject> records)
            throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        Reader reader = reader(operation);
        // a list page can carry a hundred people: one JDBC batch
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO audit_entry (occurred_at, subject, role, operation, participant_id, centre_id)
                VALUES (?, ?, ?, ?, ?, ?)
                """)) {
            for (Subject r : records) {
                reader.bind(insert, 1);
                insert.setObject(5, r.participantId());
                insert.setObject(6, r.centreId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Who reads, as what, when and how: the first four columns of an audit entry, for a statement that writes the
     * entry itself (occurred_at, subject, role, operation, in that order).
     */
    public record Reader(Timestamp at, String subject, String role, AuditOperation operation) {

        /** @return the index of the next parameter */
        public int bind(PreparedStatement statement, int first) throws SQLException {
            statement.setTimestamp(first, at);
            statement.setString(first + 1, subject);
            statement.setString(first + 2, role);
            statement.setString(first + 3, operation.name());
            return first + 4;
        }
    }

    /** The caller, logged under the most privileged role they hold. */
    public Reader reader(AuditOperation operation) {
        String role = ROLE_ORDER.stream().filter(caller::hasRole).findFirst().orElse("unknown");
        return new Reader(Timestamp.from(OffsetDateTime.now().toInstant()), caller.subject(), role, operation);
    }
}

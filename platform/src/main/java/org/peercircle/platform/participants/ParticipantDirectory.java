package org.peercircle.platform.participants;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.platform.inbox.IncomingEvent;

/**
 * A service's own copy of who the participants are (centre, status), kept from {@code participant-events} so
 * that no request has to call participant-service synchronously. Used by session-service (who may join a
 * group) and assessment-service (who may be assessed); those services add {@code db/participant-directory}
 * to their Flyway locations.
 */
@ApplicationScoped
public class ParticipantDirectory {

    public record Entry(UUID participantId, UUID centreId, String status, boolean erased) {
    }

    @Inject
    EntityManager em;

    /** Applies a participant event; other event types are ignored. Runs in the consumer's transaction. */
    @Transactional(TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        if (event.is(EventTypes.PARTICIPANT_REGISTERED)) {
            ParticipantRegistered e = event.payload(EventTypes.PARTICIPANT_REGISTERED);
            em.createNativeQuery("""
                    INSERT INTO participant_directory (participant_id, centre_id, status) VALUES (?1, ?2, 'REFERRED')
                    ON CONFLICT (participant_id) DO NOTHING
                    """).setParameter(1, e.participantId()).setParameter(2, e.centreId()).executeUpdate();
        } else if (event.is(EventTypes.PARTICIPANT_STATUS_CHANGED)) {
            ParticipantStatusChanged e = event.payload(EventTypes.PARTICIPANT_STATUS_CHANGED);
            em.createNativeQuery("""
                    INSERT INTO participant_directory (participant_id, centre_id, status) VALUES (?1, ?2, ?3)
                    ON CONFLICT (participant_id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()
                    """).setParameter(1, e.participantId()).setParameter(2, e.centreId()).setParameter(3, e.to())
                    .executeUpdate();
        } else if (event.is(EventTypes.PARTICIPANT_ERASED)) {
            ParticipantErased e = event.payload(EventTypes.PARTICIPANT_ERASED);
            em.createNativeQuery("""
                    INSERT INTO participant_directory (participant_id, centre_id, status, erased) VALUES (?1, ?2, 'ERASED', true)
                    ON CONFLICT (participant_id) DO UPDATE SET erased = true, updated_at = now()
                    """).setParameter(1, e.participantId()).setParameter(2, e.centreId()).executeUpdate();
        }
    }

    /** On every form and every seat taken: one plain statement on the transaction's connection. */
    @Transactional
    public Optional<Entry> find(UUID participantId) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT centre_id, status, erased FROM participant_directory WHERE participant_id = ?")) {
                select.setObject(1, participantId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(new Entry(participantId, rs.getObject(1, UUID.class),
                            rs.getString(2), rs.getBoolean(3))) : Optional.<Entry>empty();
                }
            }
        });
    }
}

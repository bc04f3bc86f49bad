package org.peercircle.participant.erasure;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.participant.audit.AuditLog;
import org.peercircle.participant.audit.AuditOperation;
import org.peercircle.participant.participant.Participant;
import org.peercircle.participant.participant.ParticipantRegistry;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.security.Caller;

/**
 * Erasure on request (the person's right to be forgotten): every piece of personal data this service holds
 * about the person is removed in one transaction, and {@code participant.erased.v1} tells the other services
 * to drop or anonymise what they hold under the pseudonymous id.
 *
 * <p>What stays is a tombstone: the pseudonymous id, the centre, the lifecycle status and history (without
 * notes), the cohort attributes already published (gender, living situation, migrant flag), referral source,
 * screening outcomes with their scores (without reasons), consent history (without proxies and notes), network
 * tie types and counts (without names and notes), and the audit log. Afterwards the participant answers 410
 * Gone to everyone who could see it, and no longer appears in lists or peer matches.
 */
@ApplicationScoped
public class Erasure {

    @Inject
    ParticipantRegistry registry;

    @Inject
    Outbox outbox;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Transactional
    public void erase(UUID id) {
        Participant p = registry.find(id);
        p.fullName = null;
        p.birthDate = null;
        p.phone = null;
        p.neighbourhood = null;
        p.hometownProvince = null;
        p.hometownCity = null;
        p.movedToCityYear = null;
        p.moveReason = null;
        p.dialects = new ArrayList<>();
        p.interests = new ArrayList<>();
        p.mobilityNotes = null;
        p.healthNotes = null;
        p.emergencyContactName = null;
        p.emergencyContactRelation = null;
        p.emergencyContactPhone = null;
        p.erasedAt = OffsetDateTime.now();
        p.erasedBy = caller.subject();

        clear("UPDATE status_change SET note = NULL WHERE participant_id = ?1", id);
        clear("UPDATE screening_decision SET reason = NULL WHERE participant_id = ?1", id);
        clear("UPDATE consent_record SET proxy_name = NULL, proxy_relation = NULL, note = NULL WHERE participant_id = ?1", id);
        clear("UPDATE network_snapshot SET note = NULL WHERE participant_id = ?1", id);
        clear("""
                UPDATE network_tie SET name = NULL, note = NULL
                WHERE snapshot_id IN (SELECT id FROM network_snapshot WHERE participant_id = ?1)
                """, id);

        outbox.publish(EventTypes.PARTICIPANT_ERASED, p.id, new ParticipantErased(p.id, p.centreId, p.erasedAt));
        audit.record(AuditOperation.ERASE, p.id, p.centreId);
    }

    private void clear(String sql, UUID participantId) {
        em.createNativeQuery(sql).setParameter(1, participantId).executeUpdate();
    }
}

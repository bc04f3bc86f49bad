package org.peercircle.assessment.participant;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

/**
 * What an erasure removes here: every administration of the person with all its revisions (answers, item values,
 * scores, amendment reasons), their group memberships, and the already published outbox copies of their events.
 * What stays: the directory row marked erased (so nothing new can be recorded for them: 410), the ids of processed
 * events, and each instrument version's first-used mark (instruments stay immutable). None of it says anything
 * about the person beyond the pseudonymous id and "erased".
 */
@ApplicationScoped
public class Erasure {

    private static final Logger LOG = Logger.getLogger(Erasure.class);

    @Inject
    EntityManager em;

    @Transactional(TxType.MANDATORY)
    public void erase(UUID participantId) {
        int administrations = em.createNativeQuery("DELETE FROM administration WHERE participant_id = ?1")
                .setParameter(1, participantId).executeUpdate();
        em.createNativeQuery("DELETE FROM group_member WHERE participant_id = ?1")
                .setParameter(1, participantId).executeUpdate();
        // the outbox keeps nothing to erase: rows are deleted once Kafka has them, and unpublished ones must still go
        // out (consumers erase on their side when participant.erased.v1 reaches them)
        LOG.infof("Erased participant %s: %d administrations removed", participantId, administrations);
    }
}

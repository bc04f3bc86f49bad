package org.peercircle.assessment.group;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.session.GroupCreated;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.contracts.session.MemberWithdrawn;
import org.peercircle.platform.inbox.IncomingEvent;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.platform.security.Caller;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * This service's copy of which groups exist (id and centre only) and who is enrolled in them, kept from
 * session-events, so that the assessment to-do list knows a group's members without calling session-service.
 */
@ApplicationScoped
public class GroupRoster {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    /**
     * The centre of each group seen lately: a group never changes centre, and every form of a group asks for it (an
     * unknown group is asked again, since its events may still be on the way).
     */
    private final Cache<UUID, UUID> centres = Caffeine.newBuilder().maximumSize(20_000).build();

    /** Applies a session event; other types are ignored. Runs in the consumer's transaction. */
    @Transactional(TxType.MANDATORY)
    public void apply(IncomingEvent event) {
        if (event.is(EventTypes.GROUP_CREATED)) {
            GroupCreated e = event.payload(EventTypes.GROUP_CREATED);
            knowGroup(e.groupId(), e.centreId());
        } else if (event.is(EventTypes.MEMBER_ENROLLED)) {
            MemberEnrolled e = event.payload(EventTypes.MEMBER_ENROLLED);
            knowGroup(e.groupId(), e.centreId());
            em.createNativeQuery("""
                    INSERT INTO group_member (group_id, participant_id, centre_id, enrolled, changed_at)
                    SELECT CAST(?1 AS uuid), CAST(?2 AS uuid), CAST(?3 AS uuid), true, CAST(?4 AS timestamptz)
                    WHERE NOT EXISTS (SELECT 1 FROM participant_directory WHERE participant_id = CAST(?2 AS uuid) AND erased)
                    ON CONFLICT (group_id, participant_id) DO UPDATE SET enrolled = true, changed_at = EXCLUDED.changed_at
                    """).setParameter(1, e.groupId()).setParameter(2, e.participantId()).setParameter(3, e.centreId())
                    .setParameter(4, e.enrolledAt()).executeUpdate();
        } else if (event.is(EventTypes.MEMBER_WITHDRAWN)) {
            MemberWithdrawn e = event.payload(EventTypes.MEMBER_WITHDRAWN);
            knowGroup(e.groupId(), e.centreId());
            if (!e.fromWaitList()) {
                em.createNativeQuery("""
                        UPDATE group_member SET enrolled = false, changed_at = ?3
                        WHERE group_id = ?1 AND participant_id = ?2
                        """).setParameter(1, e.groupId()).setParameter(2, e.participantId())
                        .setParameter(3, e.withdrawnAt()).executeUpdate();
            }
        }
    }

    private void knowGroup(UUID groupId, UUID centreId) {
        em.createNativeQuery("INSERT INTO known_group (group_id, centre_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, groupId).setParameter(2, centreId).executeUpdate();
    }

    /** The centre of a group known from session-events or from the forms recorded in it. */
    @Transactional(TxType.MANDATORY)
    public Optional<UUID> centreOf(UUID groupId) {
        UUID known = centres.getIfPresent(groupId);
        if (known != null) {
            return Optional.of(known);
        }
        @SuppressWarnings("unchecked")
        List<UUID> found = em.createNativeQuery("""
                SELECT centre_id FROM known_group WHERE group_id = ?1
                UNION ALL SELECT centre_id FROM administration WHERE group_id = ?1
                LIMIT 1
                """).setParameter(1, groupId).getResultList();
        found.stream().findFirst().ifPresent(centre -> centres.put(groupId, centre));
        return found.stream().findFirst();
    }

    /**
     * Passes when the group is unknown yet (its events may still be on the way) or lies in {@code centreId};
     * a group the caller cannot see answers 404, one of another centre than the participant 400.
     */
    @Transactional(TxType.MANDATORY)
    public void requireSameCentre(UUID groupId, UUID centreId) {
        Optional<UUID> groupCentre = centreOf(groupId);
        if (groupCentre.isEmpty()) {
            return;
        }
        caller.requireCentre(groupCentre.get(), "group", groupId);
        if (!groupCentre.get().equals(centreId)) {
            throw ProblemException.invalid("groupId", "the group belongs to another centre than the participant");
        }
    }
}

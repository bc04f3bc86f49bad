package org.peercircle.session.membership;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.contracts.session.MemberWaitListed;
import org.peercircle.contracts.session.MemberWithdrawn;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.participants.ParticipantDirectory;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.session.group.GroupAccess;
import org.peercircle.session.group.GroupStatus;
import org.peercircle.session.group.SupportGroup;
import org.peercircle.session.schedule.Scheduling;

/**
 * Seats, wait-list and withdrawals. Every change to a group's membership holds the group row lock, so when
 * many people ask for the last seats at once they are served one by one in arrival order: exactly as many as
 * there are seats get one, the others queue on the wait-list, and a withdrawal hands the seat to the head of
 * the queue.
 */
@ApplicationScoped
public class Enrolments {

    /** Only people that participant-service found eligible (or already enrolled elsewhere) may join a group. */
    static final Set<String> MAY_JOIN = Set.of("ELIGIBLE", "ENROLLED");
    static final ZoneId CENTRE_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    GroupAccess access;

    @Inject
    Scheduling scheduling;

    @Inject
    ParticipantDirectory directory;

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    /** The new membership and, when wait-listed, its place in the queue. */
    public record Outcome(Membership membership, Integer position) {
    }

    @Transactional
    public Outcome enrol(UUID groupId, UUID participantId) {
        scheduling.lockBookings(); // the member clash check below must not race a booking elsewhere
        SupportGroup group = access.lock(groupId);
        if (group.status == GroupStatus.CLOSED) {
            throw ProblemException.conflict("Group " + groupId + " is CLOSED; it takes no new members")
                    .with("groupStatus", group.status);
        }
        ParticipantDirectory.Entry person = directory.find(participantId)
                .filter(e -> !e.erased() && group.centreId.equals(e.centreId()))
                .orElseThrow(() -> ProblemException.invalid("participantId",
                        "no participant " + participantId + " is known in the group's centre"));
        if (!MAY_JOIN.contains(person.status())) {
            throw ProblemException.conflict("Participant " + participantId + " is " + person.status()
                    + "; only ELIGIBLE or ENROLLED participants may join a group")
                    .with("participantStatus", person.status());
        }
        Optional<Membership> current = active(groupId, participantId);
        if (current.isPresent()) {
            throw ProblemException.conflict("Participant " + participantId + " is already " + current.get().status
                    + " in group " + groupId).with("membershipStatus", current.get().status);
        }
        scheduling.requireMemberFree(group, participantId);

        Membership m = new Membership();
        m.id = UUID.randomUUID();
        m.groupId = groupId;
        m.participantId = participantId;
        m.arrival = ((Number) em.createNativeQuery("SELECT nextval('membership_arrival')").getSingleResult()).longValue();
        m.requestedAt = now();
        if (Membership.enrolledCount(groupId) < group.capacityMax) {
            m.status = MembershipStatus.ENROLLED;
            m.enrolledAt = m.requestedAt;
            m.persist();
            outbox.publish(EventTypes.MEMBER_ENROLLED, groupId,
                    new MemberEnrolled(groupId, group.centreId, participantId, false, m.enrolledAt));
            return new Outcome(m, null);
        }
        m.status = MembershipStatus.WAIT_LISTED;
        m.persist();
        int position = position(m);
        outbox.publish(EventTypes.MEMBER_WAIT_LISTED, groupId,
                new MemberWaitListed(groupId, group.centreId, participantId, position, m.requestedAt));
        return new Outcome(m, position);
    }

    @Transactional
    public void withdraw(UUID groupId, UUID participantId, WithdrawalReason reason) {
        SupportGroup group = access.lock(groupId);
        Membership m = active(groupId, participantId)
                .orElseThrow(() -> ProblemException.notFound("member", participantId + " of group " + groupId));
        withdraw(group, m, reason);
        fillSeats(group);
    }

    /** participant-service withdrew the person: they leave every group they are in or waiting for. */
    @Transactional(TxType.MANDATORY)
    public void withdrawEverywhere(UUID participantId, WithdrawalReason reason) {
        for (UUID groupId : groupsOf(participantId, List.of(MembershipStatus.ENROLLED, MembershipStatus.WAIT_LISTED))) {
            SupportGroup group = SupportGroup.findForUpdate(groupId);
            active(groupId, participantId).ifPresent(m -> withdraw(group, m, reason));
            fillSeats(group);
        }
    }

    /**
     * participant-service erased the person: each active membership is ended (member.withdrawn.v1, reason
     * ERASED), freed seats go to the wait-list, and every membership row of the person is deleted.
     */
    @Transactional(TxType.MANDATORY)
    public void forget(UUID participantId) {
        for (UUID groupId : groupsOf(participantId, List.of(MembershipStatus.values()))) {
            SupportGroup group = SupportGroup.findForUpdate(groupId);
            active(groupId, participantId).ifPresent(m -> withdraw(group, m, WithdrawalReason.ERASED));
            Membership.delete("groupId = ?1 and participantId = ?2", groupId, participantId);
            fillSeats(group);
        }
    }

    /** The person's place in the wait-list (1 = next), counted in arrival order. */
    public static int position(Membership m) {
        return (int) Membership.count("groupId = ?1 and status = ?2 and arrival <= ?3", m.groupId,
                MembershipStatus.WAIT_LISTED, m.arrival);
    }

    private void withdraw(SupportGroup group, Membership m, WithdrawalReason reason) {
        boolean fromWaitList = m.status == MembershipStatus.WAIT_LISTED;
        m.status = MembershipStatus.WITHDRAWN;
        m.withdrawnAt = now();
        m.withdrawalReason = reason;
        outbox.publish(EventTypes.MEMBER_WITHDRAWN, group.id, new MemberWithdrawn(group.id, group.centreId,
                m.participantId, reason, fromWaitList, m.withdrawnAt));
    }

    /** Seats that became free go to the wait-list, first come first served (not in a closed group). */
    @Transactional(TxType.MANDATORY)
    public void fillSeats(SupportGroup group) {
        if (group.status == GroupStatus.CLOSED) {
            return;
        }
        long enrolled = Membership.enrolledCount(group.id);
        for (Membership next : Membership.waitList(group.id)) {
            if (enrolled >= group.capacityMax) {
                return;
            }
            next.status = MembershipStatus.ENROLLED;
            next.enrolledAt = now();
            next.fromWaitList = true;
            enrolled++;
            outbox.publish(EventTypes.MEMBER_ENROLLED, group.id,
                    new MemberEnrolled(group.id, group.centreId, next.participantId, true, next.enrolledAt));
        }
    }

    private static Optional<Membership> active(UUID groupId, UUID participantId) {
        return Membership.find("groupId = ?1 and participantId = ?2 and status in ?3", groupId, participantId,
                List.of(MembershipStatus.ENROLLED, MembershipStatus.WAIT_LISTED)).firstResultOptional();
    }

    /** Ordered by id, so that a consumer locking several groups always locks them in the same order. */
    private List<UUID> groupsOf(UUID participantId, List<MembershipStatus> statuses) {
        return em.createQuery("select distinct m.groupId from Membership m where m.participantId = :p"
                + " and m.status in :s order by m.groupId", UUID.class)
                .setParameter("p", participantId).setParameter("s", statuses).getResultList();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(CENTRE_ZONE);
    }
}

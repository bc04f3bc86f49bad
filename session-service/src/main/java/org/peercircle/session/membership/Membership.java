package org.peercircle.session.membership;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.peercircle.contracts.participant.WithdrawalReason;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A participant's seat in a group, or place on its wait-list, or a past membership (WITHDRAWN). */
@Entity
public class Membership extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID groupId;
    public UUID participantId;
    @Enumerated(EnumType.STRING)
    public MembershipStatus status;
    /** Order of arrival of the enrolment request (drawn under the group lock): the wait-list order. */
    public long arrival;
    public OffsetDateTime requestedAt;
    public OffsetDateTime enrolledAt;
    public boolean fromWaitList;
    public OffsetDateTime withdrawnAt;
    @Enumerated(EnumType.STRING)
    public WithdrawalReason withdrawalReason;
    @Version
    public long version;

    public static List<Membership> waitList(UUID groupId) {
        return list("groupId = ?1 and status = ?2 order by arrival", groupId, MembershipStatus.WAIT_LISTED);
    }

    public static long enrolledCount(UUID groupId) {
        return count("groupId = ?1 and status = ?2", groupId, MembershipStatus.ENROLLED);
    }

    /**
     * Who belonged to the group when a session took place: today's members, and those who withdrew after the
     * session had started (their attendance may still be recorded or corrected).
     */
    public static List<UUID> membersAt(UUID groupId, Instant sessionStart) {
        return getEntityManager().createQuery("""
                select m.participantId from Membership m where m.groupId = :g and (m.status = :enrolled
                  or (m.status = :withdrawn and m.enrolledAt is not null and m.withdrawnAt > :start))
                """, UUID.class)
                .setParameter("g", groupId).setParameter("enrolled", MembershipStatus.ENROLLED)
                .setParameter("withdrawn", MembershipStatus.WITHDRAWN)
                .setParameter("start", sessionStart.atOffset(ZoneOffset.UTC)).getResultList();
    }
}

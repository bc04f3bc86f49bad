package org.peercircle.session.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.session.SessionScheduled;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.platform.problem.ProblemException;
import org.peercircle.session.group.GroupAccess;
import org.peercircle.session.group.SupportGroup;
import org.peercircle.session.membership.MembershipStatus;
import org.peercircle.session.schedule.ConflictDetector.Clash;
import org.peercircle.session.schedule.ConflictDetector.Kind;
import org.peercircle.session.schedule.ConflictDetector.Slot;

/**
 * Booking sessions into the calendar: clash checks against what is already booked, and the
 * {@code session.scheduled.v1} event for every scheduled, rescheduled or cancelled session.
 */
@ApplicationScoped
public class Scheduling {

    /** Advisory lock key ("PCSCHED"): one booking decision at a time, so two clashing bookings cannot both pass. */
    private static final long BOOKING_LOCK = 0x5043534348454400L;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    GroupAccess access;

    /**
     * Serialises decisions about who, where and when across all groups until the transaction ends. Take it
     * before any group row lock (always in that order, so the two never deadlock).
     */
    @Transactional(TxType.MANDATORY)
    public void lockBookings() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, BOOKING_LOCK).getSingleResult();
    }

    /** 409 listing every clash when the proposed sessions clash with each other or with booked sessions. */
    @Transactional(TxType.MANDATORY)
    public void requireNoClashes(List<Slot> proposed) {
        reject(ConflictDetector.clashes(proposed, bookedAround(proposed)));
    }

    /** 409 when {@code participantId} joining {@code group} would be in two overlapping sessions of different groups. */
    @Transactional(TxType.MANDATORY)
    public void requireMemberFree(SupportGroup group, UUID participantId) {
        List<Slot> proposed = GroupSession.<GroupSession>list("groupId = ?1 and status = ?2", group.id,
                SessionStatus.SCHEDULED).stream().map(s -> s.slot(group.centreId, Set.of(participantId))).toList();
        reject(ConflictDetector.clashes(proposed, bookedAround(proposed)).stream()
                .filter(c -> c.kind() == Kind.MEMBER).toList());
    }

    private static void reject(List<Clash> clashes) {
        if (!clashes.isEmpty()) {
            throw ProblemException.conflict("The schedule has " + clashes.size() + " clash"
                    + (clashes.size() == 1 ? "" : "es") + " with sessions already booked")
                    .with("clashes", clashes);
        }
    }

    /** The scheduled sessions overlapping the proposed ones' time span, with their centre and enrolled members. */
    private List<Slot> bookedAround(List<Slot> proposed) {
        if (proposed.isEmpty()) {
            return List.of();
        }
        Instant from = proposed.stream().map(Slot::start).min(Instant::compareTo).orElseThrow();
        Instant to = proposed.stream().map(Slot::end).max(Instant::compareTo).orElseThrow();
        List<GroupSession> sessions = GroupSession.list("status = ?1 and startsAt < ?2 and endsAt > ?3",
                SessionStatus.SCHEDULED, to, from);
        if (sessions.isEmpty()) {
            return List.of();
        }
        Set<UUID> groupIds = new HashSet<>();
        sessions.forEach(s -> groupIds.add(s.groupId));
        Map<UUID, UUID> centres = new HashMap<>();
        em.createQuery("select g.id, g.centreId from SupportGroup g where g.id in :ids", Object[].class)
                .setParameter("ids", groupIds).getResultList()
                .forEach(r -> centres.put((UUID) r[0], (UUID) r[1]));
        Map<UUID, Set<UUID>> members = new HashMap<>();
        em.createQuery("select m.groupId, m.participantId from Membership m where m.groupId in :ids and m.status = :s",
                Object[].class).setParameter("ids", groupIds).setParameter("s", MembershipStatus.ENROLLED)
                .getResultList()
                .forEach(r -> members.computeIfAbsent((UUID) r[0], k -> new HashSet<>()).add((UUID) r[1]));
        return sessions.stream()
                .map(s -> s.slot(centres.get(s.groupId), members.getOrDefault(s.groupId, Set.of()))).toList();
    }

    /** The members currently holding a seat in the group. */
    @Transactional(TxType.MANDATORY)
    public Set<UUID> enrolledMembers(UUID groupId) {
        return new HashSet<>(em.createQuery(
                "select m.participantId from Membership m where m.groupId = :g and m.status = :s", UUID.class)
                .setParameter("g", groupId).setParameter("s", MembershipStatus.ENROLLED).getResultList());
    }

    /** Publishes the session's current state; the latest event per session id is what consumers keep. */
    @Transactional(TxType.MANDATORY)
    public void announce(SupportGroup group, GroupSession s) {
        ZoneId zone = group.zone();
        outbox.publish(EventTypes.SESSION_SCHEDULED, group.id, new SessionScheduled(group.id, group.centreId, s.id,
                s.sequence, s.theme().preferred(), s.phase == null ? null : s.phase.name(),
                s.startsAt.atZone(zone).toOffsetDateTime(), s.endsAt.atZone(zone).toOffsetDateTime(),
                s.status == SessionStatus.CANCELLED ? "CANCELLED" : "SCHEDULED"));
    }

    /** Cancels a scheduled session, keeping the reason, and publishes its new state. */
    @Transactional(TxType.MANDATORY)
    public void cancel(SupportGroup group, GroupSession s, String reason, String by) {
        logChange(s, SessionChange.Kind.CANCELLED, reason, by);
        s.status = SessionStatus.CANCELLED;
        announce(group, s);
    }

    /** Keeps the session's time and venue before a change, with the reason (free text; stays here). */
    @Transactional(TxType.MANDATORY)
    public void logChange(GroupSession s, SessionChange.Kind kind, String reason, String by) {
        SessionChange c = new SessionChange();
        c.id = UUID.randomUUID();
        c.sessionId = s.id;
        c.kind = kind;
        c.previousStartsAt = s.startsAt;
        c.previousEndsAt = s.endsAt;
        c.previousVenue = s.venue;
        c.reason = reason.strip();
        c.changedBy = by;
        c.changedAt = Instant.now();
        c.persist();
    }

    /** The session and its group, or 404 when either is unknown or the caller may not see the group. */
    @Transactional(TxType.MANDATORY)
    public Visible requireVisible(UUID sessionId) {
        GroupSession session = GroupSession.findById(sessionId);
        if (session == null) {
            throw ProblemException.notFound("session", sessionId);
        }
        SupportGroup group = SupportGroup.findById(session.groupId);
        if (group == null || !access.canSee(group)) {
            throw ProblemException.notFound("session", sessionId);
        }
        return new Visible(session, group);
    }

    public record Visible(GroupSession session, SupportGroup group) {
    }
}

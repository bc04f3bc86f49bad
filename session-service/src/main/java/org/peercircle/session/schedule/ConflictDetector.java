package org.peercircle.session.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Finds scheduling clashes between sessions that overlap in time: the same venue of the same centre, the same
 * facilitator, or the same member in sessions of two different groups. Plain Java; the caller decides which
 * sessions to compare and what to do with the clashes.
 *
 * <p>Intervals are half-open: a session ending at 10:00 does not clash with one starting at 10:00.
 */
public final class ConflictDetector {

    public enum Kind { VENUE, FACILITATOR, MEMBER }

    /** A session as far as clashes are concerned. {@code venue}, {@code facilitator} may be null. */
    public record Slot(UUID sessionId, int sequence, UUID groupId, UUID centreId, Instant start, Instant end,
            String venue, String facilitator, Set<UUID> members) {

        public Slot {
            Objects.requireNonNull(sessionId);
            Objects.requireNonNull(groupId);
            members = members == null ? Set.of() : Set.copyOf(members);
        }

        boolean overlaps(Slot other) {
            return start.isBefore(other.end) && other.start.isBefore(end);
        }
    }

    /**
     * One clash: the proposed session ({@code sessionId}) and the one it runs into, and what they share
     * ({@code resource}: the venue, the facilitator's subject or the participant id).
     */
    public record Clash(Kind kind, String resource, UUID sessionId, int sequence, Instant startsAt, Instant endsAt,
            UUID otherSessionId, UUID otherGroupId, Instant otherStartsAt, Instant otherEndsAt) {
    }

    private ConflictDetector() {
    }

    /**
     * Every clash of the {@code proposed} sessions with each other and with the {@code booked} ones. A booked
     * session with the id of a proposed one is that session's old state and is not compared with it.
     */
    public static List<Clash> clashes(List<Slot> proposed, List<Slot> booked) {
        List<Clash> clashes = new ArrayList<>();
        for (int i = 0; i < proposed.size(); i++) {
            Slot a = proposed.get(i);
            for (int j = i + 1; j < proposed.size(); j++) {
                compare(a, proposed.get(j), clashes);
            }
            for (Slot b : booked) {
                if (proposed.stream().noneMatch(p -> p.sessionId().equals(b.sessionId()))) {
                    compare(a, b, clashes);
                }
            }
        }
        return clashes;
    }

    private static void compare(Slot a, Slot b, List<Clash> out) {
        if (!a.overlaps(b)) {
            return;
        }
        if (a.venue() != null && b.venue() != null && Objects.equals(a.centreId(), b.centreId())
                && normalise(a.venue()).equals(normalise(b.venue()))) {
            out.add(clash(Kind.VENUE, a.venue().strip(), a, b));
        }
        if (a.facilitator() != null && a.facilitator().equals(b.facilitator())) {
            out.add(clash(Kind.FACILITATOR, a.facilitator(), a, b));
        }
        if (!a.groupId().equals(b.groupId())) {
            Set<UUID> shared = new TreeSet<>(a.members());
            shared.retainAll(b.members());
            shared.forEach(member -> out.add(clash(Kind.MEMBER, member.toString(), a, b)));
        }
    }

    private static Clash clash(Kind kind, String resource, Slot a, Slot b) {
        return new Clash(kind, resource, a.sessionId(), a.sequence(), a.start(), a.end(), b.sessionId(), b.groupId(),
                b.start(), b.end());
    }

    /** "Room A " and "room  a" are one venue. */
    static String normalise(String venue) {
        return venue.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}

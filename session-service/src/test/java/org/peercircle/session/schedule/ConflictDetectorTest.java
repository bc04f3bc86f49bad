package org.peercircle.session.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.session.schedule.ConflictDetector.Clash;
import org.peercircle.session.schedule.ConflictDetector.Kind;
import org.peercircle.session.schedule.ConflictDetector.Slot;

class ConflictDetectorTest {

    static final UUID CENTRE = UUID.randomUUID();
    static final UUID OTHER_CENTRE = UUID.randomUUID();
    static final UUID GROUP_A = UUID.randomUUID();
    static final UUID GROUP_B = UUID.randomUUID();

    static Slot slot(UUID group, UUID centre, String from, String to, String venue, String facilitator, UUID... members) {
        return new Slot(UUID.randomUUID(), 1, group, centre, Instant.parse("2026-03-02T" + from + ":00Z"),
                Instant.parse("2026-03-02T" + to + ":00Z"), venue, facilitator, Set.of(members));
    }

    @Test
    void theSameVenueOfOneCentreAtOverlappingTimesClashes() {
        Slot booked = slot(GROUP_B, CENTRE, "01:00", "02:30", "活动室 A", "li");
        Slot proposed = slot(GROUP_A, CENTRE, "02:00", "03:00", " 活动室  a ", "wang");

        List<Clash> clashes = ConflictDetector.clashes(List.of(proposed), List.of(booked));

        assertThat(clashes).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Kind.VENUE);
            assertThat(c.sessionId()).isEqualTo(proposed.sessionId());
            assertThat(c.otherSessionId()).isEqualTo(booked.sessionId());
            assertThat(c.otherGroupId()).isEqualTo(GROUP_B);
        });
    }

    @Test
    void roomsOfTheSameNameInDifferentCentresAreDifferentRooms() {
        Slot booked = slot(GROUP_B, OTHER_CENTRE, "01:00", "02:30", "活动室 A", "li");
        Slot proposed = slot(GROUP_A, CENTRE, "02:00", "03:00", "活动室 A", "wang");

        assertThat(ConflictDetector.clashes(List.of(proposed), List.of(booked))).isEmpty();
    }

    @Test
    void sessionsThatOnlyTouchDoNotClash() {
        Slot booked = slot(GROUP_B, CENTRE, "01:00", "02:00", "活动室 A", "wang");
        Slot proposed = slot(GROUP_A, CENTRE, "02:00", "03:00", "活动室 A", "wang");

        assertThat(ConflictDetector.clashes(List.of(proposed), List.of(booked))).isEmpty();
    }

    @Test
    void aFacilitatorCannotLeadTwoOverlappingSessionsEvenInDifferentCentres() {
        Slot booked = slot(GROUP_B, OTHER_CENTRE, "01:00", "02:30", "礼堂", "wang");
        Slot proposed = slot(GROUP_A, CENTRE, "02:00", "03:00", "活动室 A", "wang");

        assertThat(ConflictDetector.clashes(List.of(proposed), List.of(booked)))
                .extracting(Clash::kind, Clash::resource).containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.FACILITATOR, "wang"));
    }

    @Test
    void aMemberInOverlappingSessionsOfTwoGroupsClashesOncePerSharedMember() {
        UUID shared1 = UUID.randomUUID();
        UUID shared2 = UUID.randomUUID();
        UUID onlyA = UUID.randomUUID();
        Slot booked = slot(GROUP_B, CENTRE, "01:00", "02:30", "礼堂", "li", shared1, shared2);
        Slot proposed = slot(GROUP_A, CENTRE, "02:00", "03:00", "活动室 A", "wang", shared1, shared2, onlyA);

        assertThat(ConflictDetector.clashes(List.of(proposed), List.of(booked)))
                .extracting(Clash::kind, Clash::resource)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Kind.MEMBER, shared1.toString()),
                        org.assertj.core.groups.Tuple.tuple(Kind.MEMBER, shared2.toString()));
    }

    @Test
    void membersOfOneGroupAreNotInConflictWithThemselves() {
        UUID member = UUID.randomUUID();
        Slot first = slot(GROUP_A, CENTRE, "01:00", "02:30", "礼堂", "li", member);
        Slot second = slot(GROUP_A, CENTRE, "02:00", "03:00", "活动室 A", "wang", member);

        assertThat(ConflictDetector.clashes(List.of(second), List.of(first))).isEmpty();
    }

    @Test
    void aRescheduledSessionIsNotComparedWithItsOwnOldTime() {
        Slot old = slot(GROUP_A, CENTRE, "01:00", "02:30", "活动室 A", "wang");
        Slot moved = new Slot(old.sessionId(), 1, GROUP_A, CENTRE, old.start().plusSeconds(1800),
                old.end().plusSeconds(1800), "活动室 A", "wang", Set.of());

        assertThat(ConflictDetector.clashes(List.of(moved), List.of(old))).isEmpty();
    }

    @Test
    void everyClashIsListedIncludingClashesAmongTheProposedSessions() {
        Slot booked = slot(GROUP_B, CENTRE, "01:00", "02:30", "活动室 A", "wang");
        Slot p1 = slot(GROUP_A, CENTRE, "02:00", "03:00", "活动室 A", "wang");
        Slot p2 = slot(GROUP_A, CENTRE, "02:45", "04:00", "活动室 A", "li");

        List<Clash> clashes = ConflictDetector.clashes(List.of(p1, p2), List.of(booked));

        assertThat(clashes).extracting(Clash::kind, Clash::sessionId, Clash::otherSessionId).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Kind.VENUE, p1.sessionId(), p2.sessionId()),
                org.assertj.core.groups.Tuple.tuple(Kind.VENUE, p1.sessionId(), booked.sessionId()),
                org.assertj.core.groups.Tuple.tuple(Kind.FACILITATOR, p1.sessionId(), booked.sessionId()));
    }

    @Test
    void sessionsWithoutVenueOrFacilitatorNeverClashOnThem() {
        Slot booked = slot(GROUP_B, CENTRE, "01:00", "02:30", null, null);
        Slot proposed = slot(GROUP_A, CENTRE, "02:00", "03:00", null, null);

        assertThat(ConflictDetector.clashes(List.of(proposed), List.of(booked))).isEmpty();
    }
}

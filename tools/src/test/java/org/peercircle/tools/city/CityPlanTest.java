package org.peercircle.tools.city;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.peercircle.tools.city.CityPlan.Group;
import org.peercircle.tools.city.CityPlan.Seat;
import org.peercircle.tools.city.CityPlan.Stage;

class CityPlanTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

    @Test
    void theSameSeedPlansTheSameCity() {
        CityPlan a = new CityPlan(5, 400, 30, 42, AS_OF);
        CityPlan b = new CityPlan(5, 400, 30, 42, AS_OF);
        assertThat(a.participants).isEqualTo(b.participants);
        assertThat(a.groups).isEqualTo(b.groups);
        assertThat(new CityPlan(5, 400, 30, 43, AS_OF).participants).isNotEqualTo(a.participants);
    }

    @Test
    void itHoldsWhatWasAskedFor() {
        CityPlan plan = new CityPlan(20, 5000, 400, 42, AS_OF);
        assertThat(plan.centres).hasSize(20);
        assertThat(plan.participants).hasSize(5000);
        assertThat(plan.groups).hasSize(400);
        assertThat(plan.centres.stream().map(CityPlan.Centre::name).distinct()).hasSize(20);
        long eligible = plan.participants.stream().filter(CityPlan.Participant::eligible).count();
        assertThat(eligible).isBetween(3500L, 4200L);
        assertThat(plan.groups.stream().filter(g -> g.stage() == Stage.CLOSED).count()).isGreaterThan(200);
        assertThat(plan.groups.stream().mapToInt(g -> g.seats().size()).sum()).isGreaterThan(3000);
    }

    @Test
    void onlyEligiblePeopleOfTheGroupsCentreTakePartAndEachInOneGroupOnly() {
        CityPlan plan = new CityPlan(7, 3000, 120, 5, AS_OF);
        Set<Integer> seen = new HashSet<>();
        for (Group g : plan.groups) {
            assertThat(g.seats().size()).isLessThanOrEqualTo(g.capacityMax() + 2);
            assertThat(g.capacityMin()).isBetween(1, g.capacityMax());
            for (Seat s : g.seats()) {
                CityPlan.Participant p = plan.participants.get(s.participant());
                assertThat(p.eligible()).isTrue();
                assertThat(p.centre()).isEqualTo(g.centre());
                assertThat(seen.add(s.participant())).as("person %d in two groups", s.participant()).isTrue();
            }
        }
    }

    @Test
    void closedGroupsLieBeforeTheDayRunningOnesStraddleItAndRecruitingOnesStartAfter() {
        CityPlan plan = new CityPlan(10, 2000, 200, 11, AS_OF);
        for (Group g : plan.groups) {
            assertThat(g.firstDate().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            LocalDate lastHeld = g.firstDate().plusWeeks(g.sessionsHeld() - 1);
            switch (g.stage()) {
                case CLOSED -> {
                    assertThat(g.sessionsHeld()).isEqualTo(g.sessions());
                    assertThat(lastHeld).isBefore(AS_OF);
                    assertThat(g.firstDate()).isAfterOrEqualTo(AS_OF.minusYears(2));
                }
                case RUNNING -> {
                    assertThat(g.sessionsHeld()).isBetween(1, g.sessions() - 1);
                    assertThat(lastHeld).isBefore(AS_OF);
                    assertThat(g.firstDate().plusWeeks(g.sessionsHeld())).isAfter(AS_OF);
                }
                case RECRUITING -> {
                    assertThat(g.sessionsHeld()).isZero();
                    assertThat(g.firstDate()).isAfter(AS_OF);
                }
            }
            // a member who leaves does so before the last held session, so a newcomer from the wait-list has one
            g.seats().stream().filter(s -> s.leavesAfter() >= 0).forEach(s -> {
                assertThat(s.leavesAfter()).isLessThan(g.sessionsHeld() - 1);
                assertThat(s.leaveReason()).isNotBlank();
            });
        }
    }

    @Test
    void moreGroupsThanPeopleLeavesSomeGroupsRecruitingWithNobody() {
        CityPlan plan = new CityPlan(2, 10, 20, 1, AS_OF);
        assertThat(plan.groups.stream().filter(g -> g.seats().isEmpty()))
                .isNotEmpty().allSatisfy(g -> assertThat(g.stage()).isEqualTo(Stage.RECRUITING));
    }

    @Test
    void aCityNeedsACentre() {
        assertThatThrownBy(() -> new CityPlan(0, 10, 1, 1, AS_OF)).isInstanceOf(IllegalArgumentException.class);
    }
}

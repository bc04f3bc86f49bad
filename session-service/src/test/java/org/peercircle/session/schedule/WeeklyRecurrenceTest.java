package org.peercircle.session.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class WeeklyRecurrenceTest {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 30);

    @Test
    void sixWeeklyDatesOnTheWeekday() {
        assertThat(WeeklyRecurrence.dates(MONDAY, DayOfWeek.MONDAY, 6, Set.of())).containsExactly(
                MONDAY, MONDAY.plusWeeks(1), MONDAY.plusWeeks(2), MONDAY.plusWeeks(3), MONDAY.plusWeeks(4),
                MONDAY.plusWeeks(5));
    }

    @Test
    void aSkippedHolidayMovesTheRestOneWeekLater() {
        LocalDate qingming = LocalDate.of(2026, 4, 6);
        LocalDate labourDay = LocalDate.of(2026, 5, 4);

        assertThat(WeeklyRecurrence.dates(MONDAY, DayOfWeek.MONDAY, 6, Set.of(qingming, labourDay))).containsExactly(
                LocalDate.of(2026, 3, 30), LocalDate.of(2026, 4, 13), LocalDate.of(2026, 4, 20),
                LocalDate.of(2026, 4, 27), LocalDate.of(2026, 5, 11), LocalDate.of(2026, 5, 18));
    }

    @Test
    void skippedDatesOnOtherWeekdaysChangeNothing() {
        assertThat(WeeklyRecurrence.dates(MONDAY, DayOfWeek.MONDAY, 3, Set.of(MONDAY.plusDays(1))))
                .containsExactly(MONDAY, MONDAY.plusWeeks(1), MONDAY.plusWeeks(2));
    }

    @Test
    void theFirstDateMustFallOnTheWeekday() {
        assertThatThrownBy(() -> WeeklyRecurrence.dates(MONDAY, DayOfWeek.TUESDAY, 3, Set.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MONDAY");
    }
}

package org.peercircle.session.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The dates of a weekly rhythm: {@code count} dates on {@code weekday}, from {@code firstDate} on, leaving out
 * skipped dates (public holidays, the centre's closing days); a skipped week moves the rest one week later.
 */
public final class WeeklyRecurrence {

    private WeeklyRecurrence() {
    }

    public static List<LocalDate> dates(LocalDate firstDate, DayOfWeek weekday, int count, Set<LocalDate> skipped) {
        if (firstDate.getDayOfWeek() != weekday) {
            throw new IllegalArgumentException(firstDate + " is a " + firstDate.getDayOfWeek() + ", not a " + weekday);
        }
        List<LocalDate> dates = new ArrayList<>(count);
        LocalDate date = firstDate;
        // every date on the weekday can be skipped, so bound the walk by the skipped dates that could apply
        int guard = count + skipped.size();
        while (dates.size() < count && guard-- >= 0) {
            if (!skipped.contains(date)) {
                dates.add(date);
            }
            date = date.plusWeeks(1);
        }
        return dates;
    }
}

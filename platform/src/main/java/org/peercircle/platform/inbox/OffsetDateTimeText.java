package org.peercircle.platform.inbox;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads an ISO-8601 date-time with offset, as {@link OffsetDateTime#parse} does, without a {@code DateTimeFormatter}
 * for the form {@link OffsetDateTime#toString} writes ({@code 2026-03-02T09:30[:00[.123456789]]+08:00} or {@code Z}),
 * which is how the outbox and the producers' JSON write them. A consumer reads two per event (the {@code ce_time}
 * attribute and a time in the payload), and the formatter costs more than the rest of the event. Any other text goes
 * to {@link OffsetDateTime#parse}, so what is accepted, and what each accepted text means, does not change.
 */
final class OffsetDateTimeText {

    private OffsetDateTimeText() {
    }

    static OffsetDateTime parse(String text) {
        OffsetDateTime quick = quick(text);
        return quick != null ? quick : OffsetDateTime.parse(text);
    }

    /** The date-time in the form {@link OffsetDateTime#toString} writes, or null for any other text (or no valid one). */
    static OffsetDateTime quick(String text) {
        int n = text.length();
        if (n < 17 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int i = 16;
        int second = 0;
        int nano = 0;
        if (i < n && text.charAt(i) == ':') {
            second = digits(text, i + 1, 2);
            i += 3;
            if (i < n && text.charAt(i) == '.') {
                int start = ++i;
                while (i < n && i - start < 9 && isDigit(text.charAt(i))) {
                    nano = nano * 10 + (text.charAt(i) - '0');
                    i++;
                }
                if (i == start) {
                    return null;
                }
                for (int k = i - start; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || i >= n) {
            return null;
        }
        ZoneOffset offset;
        char sign = text.charAt(i);
        if (sign == 'Z' && i + 1 == n) {
            offset = ZoneOffset.UTC;
        } else if ((sign == '+' || sign == '-') && i + 6 == n && text.charAt(i + 3) == ':') {
            int hours = digits(text, i + 1, 2);
            int minutes = digits(text, i + 4, 2);
            if (hours < 0 || minutes < 0) {
                return null;
            }
            try {
                offset = sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes)
                        : ZoneOffset.ofHoursMinutes(-hours, -minutes);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written with exactly {@code count} digits at {@code from}, or -1. */
    private static int digits(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

package org.peercircle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's stop-the-world GC pauses in a window, from the GC log that deploy/local/up.sh has each service write
 * ({@code -Xlog:gc:file=<logs>/<service>-gc.log:time,uptime}). A pause stops every thread, the event loops included,
 * so one of seconds shows as a "blocked" event loop and as late answers, while the CPU breakdowns only show the GC's
 * share of CPU.
 */
record GcPauses(int young, int full, double totalMs, double longestMs) {

    /** {@code [2026-12-07T18:05:47.123+0000][12.345s] GC(12) Pause Young (Allocation Failure) 30M->5M(60M) 12.345ms} */
    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\]\\[[^\\]]*\\] GC\\(\\d+\\) Pause (Young|Full|Remark|Cleanup)\\b.* ([0-9.]+)ms$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    static final GcPauses NONE = new GcPauses(0, 0, 0, 0);

    /** The pauses that began in [from, to) in a log and its rotated predecessor ({@code .0}, {@code .1}); none if absent. */
    static GcPauses in(Path log, Instant from, Instant to) {
        GcPauses sum = NONE;
        for (Path file : List.of(log, log.resolveSibling(log.getFileName() + ".0"), log.resolveSibling(log.getFileName() + ".1"))) {
            if (Files.exists(file)) {
                try (Stream<String> lines = Files.lines(file)) {
                    sum = lines.map(l -> parse(l, from, to)).reduce(sum, GcPauses::plus);
                } catch (IOException | java.io.UncheckedIOException e) {
                    // rotated away while read: what was read counts
                }
            }
        }
        return sum;
    }

    static GcPauses parse(String line, Instant from, Instant to) {
        Matcher m = PAUSE.matcher(line.trim());
        if (!m.matches()) {
            return NONE;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(m.group(1), TIME).toInstant();
        } catch (DateTimeParseException e) {
            return NONE;
        }
        if (at.isBefore(from) || !at.isBefore(to)) {
            return NONE;
        }
        double ms = Double.parseDouble(m.group(3));
        boolean full = m.group(2).equals("Full");
        return new GcPauses(full ? 0 : 1, full ? 1 : 0, ms, ms);
    }

    GcPauses plus(GcPauses o) {
        return new GcPauses(young + o.young, full + o.full, totalMs + o.totalMs, Math.max(longestMs, o.longestMs));
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d pauses (%d full), %,.0f ms in all, longest %,.0f ms",
                young + full, full, totalMs, longestMs);
    }
}

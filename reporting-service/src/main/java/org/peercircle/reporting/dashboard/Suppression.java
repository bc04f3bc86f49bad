package org.peercircle.reporting.dashboard;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Small-cell suppression for city-level figures: a count of 1 to {@code minCellSize − 1} people, or a statistic
 * computed over fewer than {@code minCellSize} people, is withheld (null, {@code suppressed: true}). A zero is
 * shown: it says nothing about any person. In a breakdown whose total is published, one withheld cell could be
 * recovered by subtraction, so the next smallest non-zero cell is withheld with it (secondary suppression).
 */
public final class Suppression {

    @Schema(name = "Cell", description = "A count of people; null and suppressed when it is too small to publish")
    public record Cell(@Schema(examples = "12") Long value, boolean suppressed) {
    }

    private final int minCellSize;

    public Suppression(int minCellSize) {
        if (minCellSize < 1) {
            throw new IllegalArgumentException("min cell size must be at least 1");
        }
        this.minCellSize = minCellSize;
    }

    public boolean tooFew(long people) {
        return people > 0 && people < minCellSize;
    }

    /** For statistics: fewer than the minimum (zero included, there is nothing to show then). */
    public boolean tooFewForStatistics(long people) {
        return people < minCellSize;
    }

    public Cell count(long people) {
        return tooFew(people) ? new Cell(null, true) : new Cell(people, false);
    }

    public Map<String, Cell> breakdown(Map<String, Long> counts) {
        Map<String, Cell> cells = new TreeMap<>();
        counts.forEach((k, v) -> cells.put(k, count(v)));
        long withheld = cells.values().stream().filter(Cell::suppressed).count();
        if (withheld == 1) {
            counts.entrySet().stream().filter(e -> !cells.get(e.getKey()).suppressed() && e.getValue() > 0)
                    .min(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .ifPresent(e -> cells.put(e.getKey(), new Cell(null, true)));
        }
        return cells;
    }

    public Map<String, Map<String, Cell>> nested(Map<String, Map<String, Long>> counts) {
        Map<String, Map<String, Cell>> result = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey))
                .forEach(e -> result.put(e.getKey(), breakdown(e.getValue())));
        return result;
    }
}

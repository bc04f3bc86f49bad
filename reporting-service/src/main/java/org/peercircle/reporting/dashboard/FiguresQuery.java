package org.peercircle.reporting.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.peercircle.contracts.EventJson;
import org.peercircle.reporting.outcome.InstrumentOutcome;
import org.peercircle.reporting.outcome.OutcomeCalculator;
import org.peercircle.reporting.outcome.ScaleOutcome;
import org.peercircle.reporting.readmodel.Sql;
import org.peercircle.reporting.statistics.PairedComparison;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Computes {@link Figures} for some centres (null: all) from the tallies {@link Tallies} keeps: a few rows per centre,
 * however many people, scores and marks there are.
 */
@ApplicationScoped
public class FiguresQuery {

    /** Counts of distinct people: the city's are kept under {@link Tallies#CITY}, not summed over centres. */
    private static final String DISTINCT_PEOPLE = "('people_in_groups', 'people_with_attendance')";

    @Inject
    Sql sql;

    public Figures of(Collection<UUID> centres) {
        String scope = centres == null ? "(centre_id = '" + Tallies.CITY + "') = (metric IN " + DISTINCT_PEOPLE + ")"
                : "centre_id = ANY(?)";
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        Map<String, Map<String, Map<String, Long>>> answers = new TreeMap<>();
        Map<String, Long> respondents = new TreeMap<>();
        Object[] params = centres == null ? new Object[0] : new Object[] { centres };
        sql.list("SELECT metric, key::text AS key, sum(n) AS n FROM dashboard_count WHERE " + scope + " GROUP BY 1, 2",
                rs -> {
                    String metric = rs.getString("metric");
                    JsonNode key = json(rs.getString("key"));
                    long n = rs.getLong("n");
                    if ("needs".equals(metric)) {
                        respondents.put(instrument(key), n);
                    } else if ("needs_answers".equals(metric)) {
                        answers.computeIfAbsent(instrument(key), k -> new TreeMap<>())
                                .computeIfAbsent(key.get(2).asText(), k -> new TreeMap<>()).put(key.get(3).asText(), n);
                    } else {
                        counts.computeIfAbsent(metric, k -> new TreeMap<>()).merge(key.isEmpty() ? "" : key.get(0).asText(),
                                n, Long::sum);
                    }
                    return null;
                }, params);
        Map<String, Long> seats = counts.getOrDefault("seats", Map.of());
        List<Figures.Needs> needs = new ArrayList<>();
        respondents.forEach((instrument, n) -> {
            String[] parts = instrument.split("\u0000");
            needs.add(new Figures.Needs(parts[0], Integer.parseInt(parts[1]), n, answers.getOrDefault(instrument, Map.of())));
        });
        return new Figures(centres, total(counts, "people"), total(counts, "migrants"), breakdown(counts, "status"),
                breakdown(counts, "age_band"), breakdown(counts, "living_situation"), breakdown(counts, "gender"),
                breakdown(counts, "groups"), total(counts, "people_in_groups"),
                seats.getOrDefault("ENROLLED", 0L), seats.getOrDefault("COMPLETED", 0L),
                seats.getOrDefault("WITHDRAWN", 0L), seats.getOrDefault("WAIT_LISTED", 0L),
                breakdown(counts, "withdrawal_reasons"), total(counts, "attendance_marks"),
                total(counts, "attended_marks"), total(counts, "people_with_attendance"), outcomes(centres), needs);
    }

    /** Pooled outcomes per instrument version, from the pair tallies of the centres in scope. */
    private List<InstrumentOutcome> outcomes(Collection<UUID> centres) {
        record Instrument(String code, int version, boolean higherIsWorse) {
        }
        Map<String, Instrument> instruments = new TreeMap<>();
        Map<String, ScaleOutcome> totals = new TreeMap<>();
        Map<String, List<ScaleOutcome>> subscales = new TreeMap<>();
        sql.list("""
                SELECT o.instrument_code, o.instrument_version, o.scale, sum(o.n) AS n, sum(o.pre_sum) AS pre_sum,
                       sum(o.pre_squares) AS pre_squares, sum(o.post_sum) AS post_sum,
                       sum(o.post_squares) AS post_squares, sum(o.change_sum) AS change_sum,
                       sum(o.change_squares) AS change_squares, sum(o.rci_n) AS rci_n, sum(o.improved) AS improved,
                       sum(o.unchanged) AS unchanged, sum(o.worse) AS worse,
                       bool_or(i.higher_is_worse) AS higher_is_worse,
                       max(CASE WHEN o.scale = 'TOTAL' THEN i.reliability
                                ELSE CAST(i.subscale_reliability ->> o.scale AS float8) END) AS reliability,
                       max(CASE WHEN o.scale = 'TOTAL' THEN i.norm_sd
                                ELSE CAST(i.subscale_norm_sd ->> o.scale AS float8) END) AS norm_sd
                FROM outcome_tally o
                LEFT JOIN instrument_scale i ON i.instrument_code = o.instrument_code
                                            AND i.instrument_version = o.instrument_version
                WHERE %s
                GROUP BY 1, 2, 3
                HAVING sum(o.n) > 0
                ORDER BY 1, 2, 3
                """.formatted(centres == null ? "true" : "o.centre_id = ANY(?)"), rs -> {
            String code = rs.getString("instrument_code");
            int version = rs.getInt("instrument_version");
            String key = code + "\u0000" + version;
            instruments.putIfAbsent(key, new Instrument(code, version, rs.getBoolean("higher_is_worse")));
            PairedComparison c = PairedComparison.ofMoments(rs.getLong("n"), decimal(rs, "pre_sum"),
                    decimal(rs, "pre_squares"), decimal(rs, "post_sum"), decimal(rs, "post_squares"),
                    decimal(rs, "change_sum"), decimal(rs, "change_squares"));
            String scale = rs.getString("scale");
            ScaleOutcome outcome = OutcomeCalculator.pooled(scale, c, Sql.nullableDouble(rs, "reliability"),
                    Sql.nullableDouble(rs, "norm_sd"), rs.getLong("rci_n"), rs.getLong("improved"),
                    rs.getLong("unchanged"), rs.getLong("worse"));
            if (OutcomeCalculator.TOTAL.equals(scale)) {
                totals.put(key, outcome);
            } else {
                subscales.computeIfAbsent(key, k -> new ArrayList<>()).add(outcome);
            }
            return null;
        }, centres == null ? new Object[0] : new Object[] { centres });
        List<InstrumentOutcome> result = new ArrayList<>();
        instruments.forEach((key, i) -> result.add(new InstrumentOutcome(i.code(), i.version(), i.higherIsWorse(),
                totals.get(key), subscales.getOrDefault(key, List.of()))));
        return result;
    }

    private static BigDecimal decimal(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        return rs.getBigDecimal(column);
    }

    private static long total(Map<String, Map<String, Long>> counts, String metric) {
        return counts.getOrDefault(metric, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> breakdown(Map<String, Map<String, Long>> counts, String metric) {
        return new TreeMap<>(counts.getOrDefault(metric, Map.of()));
    }

    private static String instrument(JsonNode key) {
        return key.get(0).asText() + "\u0000" + key.get(1).asText();
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tally key is not JSON", e);
        }
    }
}

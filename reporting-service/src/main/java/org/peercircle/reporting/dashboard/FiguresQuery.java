package org.peercircle.reporting.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.peercircle.reporting.assessment.Scores;
import org.peercircle.reporting.outcome.OutcomeCalculator;
import org.peercircle.reporting.privacy.Privacy;
import org.peercircle.reporting.readmodel.Sql;

/** Computes {@link Figures} for some centres (null: all) from the read model. */
@ApplicationScoped
public class FiguresQuery {

    /** The condition "in scope" for a table alias; bind the scope twice (null or a UUID collection). */
    private static String inScope(String alias) {
        return "(CAST(? AS uuid[]) IS NULL OR " + alias + ".centre_id = ANY(CAST(? AS uuid[])))";
    }

    @Inject
    Sql sql;

    @Inject
    Scores scores;

    public Figures of(Collection<UUID> centres) {
        String people = "FROM participant_cohort p WHERE " + inScope("p") + " AND " + Privacy.counted("p.participant_id");
        long served = sql.count("SELECT count(*) " + people, centres, centres);
        long migrants = sql.count("SELECT count(*) " + people + " AND p.migrant", centres, centres);

        String members = "FROM group_member m LEFT JOIN support_group g ON g.group_id = m.group_id WHERE "
                + inScope("m") + " AND " + Privacy.counted("m.participant_id");
        Map<String, Long> seats = new HashMap<>();
        sql.list("SELECT m.state, COALESCE(g.status, '') = 'CLOSED' AS closed, count(*) AS n " + members
                + " GROUP BY 1, 2", rs -> {
                    String key = rs.getString("state");
                    if ("ENROLLED".equals(key) && rs.getBoolean("closed")) {
                        key = "COMPLETED";
                    }
                    seats.merge(key, rs.getLong("n"), Long::sum);
                    return key;
                }, centres, centres);
        long inGroups = sql.count("SELECT count(DISTINCT m.participant_id) " + members
                + " AND m.state IN ('ENROLLED', 'WITHDRAWN')", centres, centres);

        String marks = "FROM session_attendance a JOIN group_session s ON s.session_id = a.session_id WHERE "
                + inScope("s") + " AND " + Privacy.counted("a.participant_id");
        long[] attendance = sql.list("SELECT count(*) AS recorded, count(*) FILTER (WHERE a.status IN ('PRESENT', 'LATE'))"
                + " AS attended, count(DISTINCT a.participant_id) AS people " + marks,
                rs -> new long[] { rs.getLong("recorded"), rs.getLong("attended"), rs.getLong("people") },
                centres, centres).get(0);

        List<Scores.Row> needsRows = scores.ofCentres(centres, "NEEDS", null);
        return new Figures(centres, served, migrants,
                breakdown("SELECT p.status, count(*) " + people + " GROUP BY 1", centres),
                breakdown("SELECT p.age_band, count(*) " + people + " GROUP BY 1", centres),
                breakdown("SELECT p.living_situation, count(*) " + people + " GROUP BY 1", centres),
                breakdown("SELECT p.gender, count(*) " + people + " GROUP BY 1", centres),
                breakdown("SELECT g.status, count(*) FROM support_group g WHERE " + inScope("g") + " GROUP BY 1", centres),
                inGroups,
                seats.getOrDefault("ENROLLED", 0L), seats.getOrDefault("COMPLETED", 0L),
                seats.getOrDefault("WITHDRAWN", 0L), seats.getOrDefault("WAIT_LISTED", 0L),
                breakdown("SELECT m.withdrawal_reason, count(*) " + members
                        + " AND m.state = 'WITHDRAWN' AND m.withdrawal_reason IS NOT NULL GROUP BY 1", centres),
                attendance[0], attendance[1], attendance[2],
                OutcomeCalculator.outcomes(scores.ofCentres(centres, null, null).stream().map(Scores.Row::score)
                        .toList(), false),
                needs(needsRows));
    }

    private Map<String, Long> breakdown(String query, Collection<UUID> centres) {
        Map<String, Long> counts = new TreeMap<>();
        sql.list(query, rs -> counts.put(rs.getString(1), rs.getLong(2)), centres, centres);
        return counts;
    }

    /** Each person's latest answers to each needs questionnaire, counted per item and answer. */
    static List<Figures.Needs> needs(List<Scores.Row> rows) {
        Map<String, Map<UUID, Scores.Row>> latest = new TreeMap<>();
        Comparator<Scores.Row> order = Comparator.comparing((Scores.Row r) -> r.score().administeredAt(),
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(r -> r.score().administrationId().toString());
        for (Scores.Row r : rows) {
            String key = r.score().instrumentCode() + "\u0000" + r.score().instrumentVersion();
            latest.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(r.score().participantId(), r,
                    (a, b) -> order.compare(a, b) >= 0 ? a : b);
        }
        List<Figures.Needs> result = new ArrayList<>();
        latest.forEach((key, byPerson) -> {
            Map<String, Map<String, Long>> items = new TreeMap<>();
            for (Scores.Row r : byPerson.values()) {
                if (r.items() != null) {
                    r.items().forEach((item, value) -> items.computeIfAbsent(item, i -> new TreeMap<>())
                            .merge(answer(value), 1L, Long::sum));
                }
            }
            Scores.Row any = byPerson.values().iterator().next();
            result.add(new Figures.Needs(any.score().instrumentCode(), any.score().instrumentVersion(),
                    byPerson.size(), items));
        });
        return result;
    }

    private static String answer(Double value) {
        if (value == null) {
            return "NONE";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }

}

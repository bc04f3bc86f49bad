package org.peercircle.reporting.dashboard;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.peercircle.contracts.EventJson;
import org.peercircle.reporting.assessment.Scores;
import org.peercircle.reporting.outcome.OutcomeCalculator;
import org.peercircle.reporting.privacy.Privacy;
import org.peercircle.reporting.readmodel.Sql;
import org.peercircle.reporting.readmodel.Touched;
import org.peercircle.reporting.statistics.ReliableChange;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Keeps {@code dashboard_count} and {@code outcome_tally} equal to what the row tables say, as events arrive.
 *
 * <p>A person (or a group) contributes a fixed set of counts and sums, computed from their current rows: a cohort
 * cell, their seats, attendance marks, latest pre/post pairs, latest needs answers; nothing when they withdrew
 * analytics consent or were erased. A batch {@linkplain #open opens} by locking every person and group it touches
 * (transaction-scoped advisory locks, in one sorted order, so consumers of different topics serialise on a person
 * instead of racing) and taking their contribution; after the batch's writes, {@link #settle} takes it again and
 * adds the difference to the tallies, in key order (so two transactions never wait on each other's rows in
 * opposite orders). Sums are exact decimals: adding and removing the same pair in any order leaves the same value.
 *
 * <p>{@link #recomputeAll} gives the same tables in one go, from everyone's contribution: for batches applied without
 * settling (a consumer catching up, see {@link TallyBacklog}, and a rebuild). Both ways run the same queries, once for
 * some people and once for everyone, so there is one rule for what a person contributes.
 */
@ApplicationScoped
public class Tallies {

    /** The centre id under which the city's distinct-people counts are kept. */
    public static final UUID CITY = new UUID(0, 0);


    @Inject
    Sql sql;

    public record CountKey(UUID centreId, String metric, String key) implements Comparable<CountKey> {
        private static final Comparator<CountKey> ORDER = Comparator.comparing(CountKey::centreId)
                .thenComparing(CountKey::metric).thenComparing(CountKey::key);

        @Override
        public int compareTo(CountKey o) {
            return ORDER.compare(this, o);
        }
    }

    public record OutcomeKey(UUID centreId, String instrumentCode, int instrumentVersion, String scale)
            implements Comparable<OutcomeKey> {
        private static final Comparator<OutcomeKey> ORDER = Comparator.comparing(OutcomeKey::centreId)
                .thenComparing(OutcomeKey::instrumentCode).thenComparingInt(OutcomeKey::instrumentVersion)
                .thenComparing(OutcomeKey::scale);

        @Override
        public int compareTo(OutcomeKey o) {
            return ORDER.compare(this, o);
        }
    }

    /** What some people contribute: counts and pair moments. */
    public static final class Contribution {
        final Map<CountKey, Long> counts = new HashMap<>();
        final Map<OutcomeKey, Moments> outcomes = new HashMap<>();

        void count(UUID centre, String metric, String key, long n) {
            counts.merge(new CountKey(centre, metric, key), n, Long::sum);
        }
    }

    /** An opened batch: who it locked and what they contributed before it wrote. */
    public record Scope(List<UUID> people, List<UUID> scored, List<UUID> groups, Contribution before) {
    }

    /** Locks what the batch touches and records its current contribution. Call before the batch writes. */
    public Scope open(Touched touched) {
        Set<UUID> people = new TreeSet<>(touched.people());
        if (!touched.membersOfGroups().isEmpty()) {
            people.addAll(sql.list("SELECT DISTINCT participant_id FROM group_member WHERE group_id = ANY(?)",
                    rs -> Sql.uuid(rs, "participant_id"), touched.membersOfGroups()));
        }
        if (!touched.attendeesOfSessions().isEmpty()) {
            people.addAll(sql.list("SELECT DISTINCT participant_id FROM session_attendance WHERE session_id = ANY(?)",
                    rs -> Sql.uuid(rs, "participant_id"), touched.attendeesOfSessions()));
        }
        Set<UUID> groups = new TreeSet<>(touched.groups());
        Set<UUID> scored = new TreeSet<>(touched.scored());
        scored.removeAll(people);
        lock(people, scored, groups);
        List<UUID> p = new ArrayList<>(people);
        List<UUID> s = new ArrayList<>(scored);
        List<UUID> g = new ArrayList<>(groups);
        return new Scope(p, s, g, contribution(p, s, g));
    }

    /** Adds what the batch changed in its people's and groups' contribution to the tallies. */
    public void settle(Scope scope) {
        flush(scope.before(), contribution(scope.people(), scope.scored(), scope.groups()));
    }

    /** Sets the tallies to what everyone contributes now, whatever they held before (the rebuild's shadow tables). */
    public void recomputeAll() {
        replaceWith(everyone());
    }

    /** What every group and person contributes now: {@link #contribution}'s queries over everyone, streamed. */
    public Contribution everyone() {
        // one sort over every pre/post score: in memory rather than in temporary files
        sql.update("SET LOCAL work_mem = '64MB'");
        Contribution c = new Contribution();
        sql.stream(GROUP_COUNTS.formatted(""), 1000, rs -> count(c, rs, "groups"));
        sql.stream(PEOPLE_COUNTS.formatted(EVERYONE), 1000, rs -> peopleCount(c, rs));
        sql.stream(PAIRS.formatted("true"), 1000, rs -> pair(c, rs));
        sql.stream(NEEDS.formatted("true"), 1000, rs -> needs(c, rs));
        return c;
    }

    /**
     * Replaces the tallies with {@code everyone}'s contribution. The caller keeps every other writer of the tallies out
     * (see {@link TallyBacklog}); readers see the old tallies until it commits.
     */
    public void replaceWith(Contribution everyone) {
        sql.update("DELETE FROM dashboard_count");
        sql.update("DELETE FROM outcome_tally");
        flush(new Contribution(), everyone);
    }

    private void flush(Contribution before, Contribution after) {
        TreeMap<CountKey, Long> counts = new TreeMap<>();
        after.counts.forEach((k, v) -> counts.merge(k, v, Long::sum));
        before.counts.forEach((k, v) -> counts.merge(k, -v, Long::sum));
        counts.values().removeIf(v -> v == 0);
        TreeMap<OutcomeKey, Moments> outcomes = new TreeMap<>();
        after.outcomes.forEach((k, v) -> outcomes.computeIfAbsent(k, x -> new Moments()).add(v, 1));
        before.outcomes.forEach((k, v) -> outcomes.computeIfAbsent(k, x -> new Moments()).add(v, -1));
        outcomes.values().removeIf(Moments::isZero);
        flushCounts(counts);
        flushOutcomes(outcomes);
    }

    /**
     * For a batch that leaves the tallies to a recomputation: takes only the locks of the people its events name.
     * They are what orders an erasure against the same person's seats, marks and scores arriving on other topics at
     * the same moment: without them a seat could be inserted after the erasure had deleted that person's rows.
     */
    public void lockPeople(Touched touched) {
        lock(touched.people(), touched.scored(), Set.of());
    }

    /** Per-person and per-group advisory locks, always in ascending key order, so batches never deadlock. */
    private void lock(Set<UUID> people, Set<UUID> scored, Set<UUID> groups) {
        TreeSet<Long> locks = new TreeSet<>();
        people.forEach(p -> locks.add(lockKey(p)));
        scored.forEach(p -> locks.add(lockKey(p)));
        groups.forEach(g -> locks.add(lockKey(g)));
        if (!locks.isEmpty()) {
            // the sub-select's ORDER BY makes the locks be taken in that order
            sql.list("SELECT pg_advisory_xact_lock(k) FROM "
                    + "(SELECT k FROM unnest(CAST(? AS bigint[])) k ORDER BY k OFFSET 0) ordered",
                    rs -> null, Sql.array("bigint", locks));
        }
    }

    private static long lockKey(UUID id) {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }

    /** @param scored people of whom only scores changed: their counts stay as they are and are not read */
    Contribution contribution(List<UUID> people, List<UUID> scored, List<UUID> groups) {
        Contribution c = new Contribution();
        if (!groups.isEmpty()) {
            sql.list(GROUP_COUNTS.formatted("WHERE group_id = ANY(?)"), rs -> count(c, rs, "groups"), groups);
        }
        if (!people.isEmpty()) {
            sql.list(PEOPLE_COUNTS.formatted(GIVEN_PEOPLE), rs -> peopleCount(c, rs), people);
        }
        List<UUID> withScores = new ArrayList<>(people);
        withScores.addAll(scored);
        if (withScores.isEmpty()) {
            return c;
        }
        sql.list(PAIRS.formatted("participant_id = ANY(?)"), rs -> {
            pair(c, rs);
            return null;
        }, withScores);
        sql.list(NEEDS.formatted("participant_id = ANY(?)"), rs -> {
            needs(c, rs);
            return null;
        }, withScores);
        return c;
    }

    private static Object peopleCount(Contribution c, ResultSet rs) throws SQLException {
        c.count(Sql.uuid(rs, "centre_id"), rs.getString("metric"), rs.getString("key"), rs.getLong("n"));
        return null;
    }

    private static Object count(Contribution c, ResultSet rs, String metric) throws SQLException {
        c.count(Sql.uuid(rs, "centre_id"), metric, rs.getString("key"), rs.getLong("n"));
        return null;
    }

    /** The groups by status; %s: which groups. */
    private static final String GROUP_COUNTS = "SELECT centre_id, jsonb_build_array(status)::text AS key, count(*) AS n "
            + "FROM support_group %s GROUP BY 1, 2";

    /** The people of a {@link #PEOPLE_COUNTS}: those bound as an array parameter, or everyone with a row it reads. */
    private static final String GIVEN_PEOPLE = "SELECT * FROM unnest(CAST(? AS uuid[]))";
    private static final String EVERYONE = "SELECT participant_id FROM participant_cohort UNION "
            + "SELECT participant_id FROM group_member UNION SELECT participant_id FROM session_attendance";

    /** Every count a set of people contributes (%s: the people); each branch reads the people once. */
    private static final String PEOPLE_COUNTS = """
            WITH counted AS (SELECT pid FROM (%s) people(pid) WHERE PRIVACY_COUNTED)
            SELECT p.centre_id, k.metric, k.key::text AS key, count(*) AS n
            FROM participant_cohort p JOIN counted ON counted.pid = p.participant_id
            CROSS JOIN LATERAL (VALUES ('people', '[]'::jsonb), ('status', jsonb_build_array(p.status)),
                ('age_band', jsonb_build_array(p.age_band)), ('living_situation', jsonb_build_array(p.living_situation)),
                ('gender', jsonb_build_array(p.gender)),
                ('migrants', CASE WHEN p.migrant THEN '[]'::jsonb END)) k(metric, key)
            WHERE k.key IS NOT NULL
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT m.centre_id, 'seats', jsonb_build_array(CASE WHEN m.state = 'ENROLLED' AND g.status = 'CLOSED'
                   THEN 'COMPLETED' ELSE m.state END)::text, count(*)
            FROM group_member m LEFT JOIN support_group g ON g.group_id = m.group_id
            WHERE m.participant_id IN (SELECT pid FROM counted)
            GROUP BY 1, 3
            UNION ALL
            SELECT m.centre_id, 'withdrawal_reasons', jsonb_build_array(m.withdrawal_reason)::text, count(*)
            FROM group_member m
            WHERE m.participant_id IN (SELECT pid FROM counted)
              AND m.state = 'WITHDRAWN' AND m.withdrawal_reason IS NOT NULL
            GROUP BY 1, 3
            UNION ALL
            SELECT x.centre_id, 'people_in_groups', '[]', count(DISTINCT m.participant_id)
            FROM group_member m
            CROSS JOIN LATERAL (VALUES (m.centre_id), ('00000000-0000-0000-0000-000000000000'::uuid)) x(centre_id)
            WHERE m.participant_id IN (SELECT pid FROM counted)
              AND m.state IN ('ENROLLED', 'WITHDRAWN')
            GROUP BY 1
            UNION ALL
            SELECT s.centre_id, 'attendance_marks', '[]', count(*)
            FROM session_attendance a JOIN group_session s ON s.session_id = a.session_id
            WHERE a.participant_id IN (SELECT pid FROM counted)
            GROUP BY 1
            UNION ALL
            SELECT s.centre_id, 'attended_marks', '[]', count(*)
            FROM session_attendance a JOIN group_session s ON s.session_id = a.session_id
            WHERE a.participant_id IN (SELECT pid FROM counted)
              AND a.status IN ('PRESENT', 'LATE')
            GROUP BY 1
            UNION ALL
            SELECT x.centre_id, 'people_with_attendance', '[]', count(DISTINCT a.participant_id)
            FROM session_attendance a JOIN group_session s ON s.session_id = a.session_id
            CROSS JOIN LATERAL (VALUES (s.centre_id), ('00000000-0000-0000-0000-000000000000'::uuid)) x(centre_id)
            WHERE a.participant_id IN (SELECT pid FROM counted)
            GROUP BY 1
            """.replace("PRIVACY_COUNTED", Privacy.counted("pid"));

    /**
     * Each member's pair per group, centre and instrument version (%s: which people): the latest PRE and the latest
     * POST (latest by administration time, then administration id, as {@link OutcomeCalculator} chooses; PostgreSQL
     * orders uuids as their text in the C collation, as Java orders the ids' strings).
     */
    private static final String PAIRS = """
            WITH latest AS (
                SELECT DISTINCT ON (participant_id, group_id, centre_id, instrument_code, instrument_version, phase)
                       participant_id, group_id, centre_id, instrument_code, instrument_version, phase, total_score,
                       subscale_scores::text AS subscales, higher_is_worse, reliability, norm_sd,
                       subscale_reliability::text AS subscale_reliability, subscale_norm_sd::text AS subscale_norm_sd
                FROM assessment_score
                WHERE %s AND group_id IS NOT NULL AND phase IN ('PRE', 'POST') AND PRIVACY_COUNTED
                ORDER BY participant_id, group_id, centre_id, instrument_code, instrument_version, phase,
                         administered_at DESC NULLS LAST, administration_id DESC)
            SELECT pre.centre_id, pre.instrument_code, pre.instrument_version, pre.total_score AS pre_total,
                   post.total_score AS post_total, pre.subscales AS pre_subscales, post.subscales AS post_subscales,
                   post.higher_is_worse, post.reliability, post.norm_sd, post.subscale_reliability,
                   post.subscale_norm_sd
            FROM latest pre JOIN latest post ON post.participant_id = pre.participant_id
                AND post.group_id = pre.group_id AND post.centre_id = pre.centre_id
                AND post.instrument_code = pre.instrument_code AND post.instrument_version = pre.instrument_version
            WHERE pre.phase = 'PRE' AND post.phase = 'POST'
            """.replace("PRIVACY_COUNTED", Privacy.counted("participant_id"));

    /** Each person's latest answers to each needs questionnaire version in each centre (%s: which people). */
    private static final String NEEDS = """
            SELECT DISTINCT ON (participant_id, instrument_code, instrument_version, centre_id)
                   centre_id, instrument_code, instrument_version, item_values::text AS items
            FROM assessment_score
            WHERE %s AND phase = 'NEEDS' AND PRIVACY_COUNTED
            ORDER BY participant_id, instrument_code, instrument_version, centre_id,
                     administered_at DESC NULLS LAST, administration_id DESC
            """.replace("PRIVACY_COUNTED", Privacy.counted("participant_id"));

    private static void pair(Contribution c, ResultSet rs) throws SQLException {
        UUID centre = Sql.uuid(rs, "centre_id");
        String code = rs.getString("instrument_code");
        int version = rs.getInt("instrument_version");
        boolean higherIsWorse = rs.getBoolean("higher_is_worse");
        Double preTotal = Sql.nullableDouble(rs, "pre_total");
        Double postTotal = Sql.nullableDouble(rs, "post_total");
        if (preTotal != null && postTotal != null) {
            c.outcomes.computeIfAbsent(new OutcomeKey(centre, code, version, OutcomeCalculator.TOTAL),
                    k -> new Moments()).add(Moments.of(preTotal, postTotal, Sql.nullableDouble(rs, "reliability"),
                            Sql.nullableDouble(rs, "norm_sd"), higherIsWorse), 1);
        }
        Map<String, Double> pre = Scores.parseMap(rs.getString("pre_subscales"));
        Map<String, Double> post = Scores.parseMap(rs.getString("post_subscales"));
        Map<String, Double> reliability = Scores.parseMap(rs.getString("subscale_reliability"));
        Map<String, Double> normSd = Scores.parseMap(rs.getString("subscale_norm_sd"));
        if (pre != null && post != null) {
            pre.forEach((scale, before) -> {
                Double after = post.get(scale);
                if (before != null && after != null) {
                    c.outcomes.computeIfAbsent(new OutcomeKey(centre, code, version, scale), k -> new Moments())
                            .add(Moments.of(before, after, reliability == null ? null : reliability.get(scale),
                                    normSd == null ? null : normSd.get(scale), higherIsWorse), 1);
                }
            });
        }
    }

    private static void needs(Contribution c, ResultSet rs) throws SQLException {
        UUID centre = Sql.uuid(rs, "centre_id");
        String code = rs.getString("instrument_code");
        int version = rs.getInt("instrument_version");
        c.count(centre, "needs", key(code, version), 1);
        Map<String, Double> items = Scores.parseMap(rs.getString("items"));
        if (items != null) {
            items.forEach((item, value) -> c.count(centre, "needs_answers", key(code, version, item, answer(value)), 1));
        }
    }

    /** An answer as the dashboard labels it: whole numbers without ".0", NONE for a missing answer. */
    static String answer(Double value) {
        if (value == null) {
            return "NONE";
        }
        return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
    }

    /** A count key: a JSON array (stored as jsonb). */
    static String key(Object... parts) {
        try {
            return EventJson.MAPPER.writeValueAsString(parts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }


    private void flushCounts(TreeMap<CountKey, Long> delta) {
        if (delta.isEmpty()) {
            return;
        }
        List<UUID> centres = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Long> ns = new ArrayList<>();
        delta.forEach((k, n) -> {
            centres.add(k.centreId());
            metrics.add(k.metric());
            keys.add(k.key());
            ns.add(n);
        });
        Object[] params = { Sql.array("uuid", centres), Sql.array("text", metrics), Sql.array("text", keys),
                Sql.array("bigint", ns) };
        sql.update("""
                INSERT INTO dashboard_count AS t (centre_id, metric, key, n)
                SELECT c, m, CAST(k AS jsonb), n FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),
                                                             CAST(? AS bigint[])) AS d(c, m, k, n)
                ORDER BY c, m, CAST(k AS jsonb)
                ON CONFLICT (centre_id, metric, key) DO UPDATE SET n = t.n + EXCLUDED.n
                """, params);
        if (delta.values().stream().anyMatch(n -> n < 0)) {
            sql.update("""
                    DELETE FROM dashboard_count t USING unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),
                                                               CAST(? AS bigint[])) AS d(c, m, k, n)
                    WHERE d.n < 0 AND t.centre_id = d.c AND t.metric = d.m AND t.key = CAST(d.k AS jsonb) AND t.n = 0
                    """, params);
        }
    }

    private void flushOutcomes(TreeMap<OutcomeKey, Moments> delta) {
        if (delta.isEmpty()) {
            return;
        }
        List<List<Object>> columns = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            columns.add(new ArrayList<>());
        }
        delta.forEach((k, m) -> {
            Object[] row = { k.centreId(), k.instrumentCode(), k.instrumentVersion(), k.scale(), m.n,
                    plain(m.preSum), plain(m.preSquares), plain(m.postSum), plain(m.postSquares), plain(m.changeSum),
                    plain(m.changeSquares), m.rciN, m.improved, m.unchanged, m.worse };
            for (int i = 0; i < row.length; i++) {
                columns.get(i).add(row[i]);
            }
        });
        String[] types = { "uuid", "text", "int4", "text", "int8", "text", "text", "text", "text", "text", "text",
                "int8", "int8", "int8", "int8" };
        Object[] params = new Object[15];
        for (int i = 0; i < 15; i++) {
            params[i] = Sql.array(types[i], columns.get(i));
        }
        sql.update("""
                INSERT INTO outcome_tally AS t (centre_id, instrument_code, instrument_version, scale, n, pre_sum,
                    pre_squares, post_sum, post_squares, change_sum, change_squares, rci_n, improved, unchanged, worse)
                SELECT c, i, v, s, n, trim_scale(ps::numeric), trim_scale(pq::numeric), trim_scale(qs::numeric),
                       trim_scale(qq::numeric), trim_scale(cs::numeric), trim_scale(cq::numeric), rn, im, un, wo
                FROM unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS int[]), CAST(? AS text[]),
                            CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]),
                            CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]))
                     AS d(c, i, v, s, n, ps, pq, qs, qq, cs, cq, rn, im, un, wo)
                ORDER BY c, i, v, s
                ON CONFLICT (centre_id, instrument_code, instrument_version, scale) DO UPDATE SET
                    n = t.n + EXCLUDED.n,
                    pre_sum = trim_scale(t.pre_sum + EXCLUDED.pre_sum),
                    pre_squares = trim_scale(t.pre_squares + EXCLUDED.pre_squares),
                    post_sum = trim_scale(t.post_sum + EXCLUDED.post_sum),
                    post_squares = trim_scale(t.post_squares + EXCLUDED.post_squares),
                    change_sum = trim_scale(t.change_sum + EXCLUDED.change_sum),
                    change_squares = trim_scale(t.change_squares + EXCLUDED.change_squares),
                    rci_n = t.rci_n + EXCLUDED.rci_n, improved = t.improved + EXCLUDED.improved,
                    unchanged = t.unchanged + EXCLUDED.unchanged, worse = t.worse + EXCLUDED.worse
                """, params);
        if (delta.values().stream().anyMatch(m -> m.n < 0)) {
            sql.update("""
                    DELETE FROM outcome_tally t
                    USING unnest(CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS int[]), CAST(? AS text[])) AS d(c, i, v, s)
                    WHERE t.centre_id = d.c AND t.instrument_code = d.i AND t.instrument_version = d.v
                      AND t.scale = d.s AND t.n = 0
                    """, params[0], params[1], params[2], params[3]);
        }
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    /** Count and exact sums of a set of pairs; adding a negated set removes it. */
    public static final class Moments {
        long n;
        BigDecimal preSum = BigDecimal.ZERO;
        BigDecimal preSquares = BigDecimal.ZERO;
        BigDecimal postSum = BigDecimal.ZERO;
        BigDecimal postSquares = BigDecimal.ZERO;
        BigDecimal changeSum = BigDecimal.ZERO;
        BigDecimal changeSquares = BigDecimal.ZERO;
        long rciN;
        long improved;
        long unchanged;
        long worse;

        static Moments of(double pre, double post) {
            BigDecimal a = BigDecimal.valueOf(pre);
            BigDecimal b = BigDecimal.valueOf(post);
            BigDecimal d = b.subtract(a);
            Moments m = new Moments();
            m.n = 1;
            m.preSum = a;
            m.preSquares = a.multiply(a);
            m.postSum = b;
            m.postSquares = b.multiply(b);
            m.changeSum = d;
            m.changeSquares = d.multiply(d);
            return m;
        }

        /**
         * One pair, with its reliable change category when the scale has a usable reliability and a normative SD
         * (pooled figures need a fixed SD: a pooled pre-test SD would move with every new pair).
         */
        static Moments of(double pre, double post, Double reliability, Double normSd, boolean higherIsWorse) {
            Moments m = of(pre, post);
            if (OutcomeCalculator.usable(reliability) && normSd != null && normSd > 0) {
                double rci = ReliableChange.index(pre, post, ReliableChange.standardErrorOfDifference(normSd, reliability));
                m.rciN = 1;
                switch (ReliableChange.categorise(rci, higherIsWorse)) {
                    case RELIABLY_IMPROVED -> m.improved = 1;
                    case RELIABLY_DETERIORATED -> m.worse = 1;
                    default -> m.unchanged = 1;
                }
            }
            return m;
        }

        void add(Moments o, int sign) {
            BigDecimal s = BigDecimal.valueOf(sign);
            n += sign * o.n;
            preSum = preSum.add(o.preSum.multiply(s));
            preSquares = preSquares.add(o.preSquares.multiply(s));
            postSum = postSum.add(o.postSum.multiply(s));
            postSquares = postSquares.add(o.postSquares.multiply(s));
            changeSum = changeSum.add(o.changeSum.multiply(s));
            changeSquares = changeSquares.add(o.changeSquares.multiply(s));
            rciN += sign * o.rciN;
            improved += sign * o.improved;
            unchanged += sign * o.unchanged;
            worse += sign * o.worse;
        }

        boolean isZero() {
            return n == 0 && rciN == 0 && improved == 0 && unchanged == 0 && worse == 0
                    && preSum.signum() == 0 && preSquares.signum() == 0 && postSum.signum() == 0
                    && postSquares.signum() == 0 && changeSum.signum() == 0 && changeSquares.signum() == 0;
        }
    }
}

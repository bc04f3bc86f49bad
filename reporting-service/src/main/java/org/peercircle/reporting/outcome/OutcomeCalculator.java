package org.peercircle.reporting.outcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.peercircle.reporting.statistics.PairedComparison;
import org.peercircle.reporting.statistics.ReliableChange;

/**
 * Turns scored administrations into paired pre/post outcomes per instrument version and scale. A pair is one
 * member in one group: the latest PRE and the latest POST of that member for that instrument version (latest by
 * administration time, then administration id, so the choice never depends on arrival order). Scores of
 * different versions of an instrument are never paired with each other; scores outside a group are not outcomes.
 */
public final class OutcomeCalculator {

    public static final String TOTAL = "TOTAL";

    private static final Comparator<Score> LATEST = Comparator.comparing(Score::administeredAt,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(s -> s.administrationId().toString());

    private OutcomeCalculator() {
    }

    /** @param withMembers false for pooled figures (centre, city), which list no individual */
    public static List<InstrumentOutcome> outcomes(List<Score> scores, boolean withMembers) {
        Map<String, List<Score>> byInstrument = scores.stream()
                .filter(s -> s.groupId() != null)
                .filter(s -> Score.PRE.equals(s.phase()) || Score.POST.equals(s.phase()))
                .collect(Collectors.groupingBy(s -> s.instrumentCode() + "\u0000" + s.instrumentVersion(),
                        java.util.TreeMap::new, Collectors.toList()));
        List<InstrumentOutcome> result = new ArrayList<>();
        for (List<Score> instrumentScores : byInstrument.values()) {
            InstrumentOutcome outcome = instrument(instrumentScores, withMembers);
            if (outcome != null) {
                result.add(outcome);
            }
        }
        return result;
    }

    private record Pair(UUID participantId, UUID groupId, Score pre, Score post) {
    }

    private static InstrumentOutcome instrument(List<Score> scores, boolean withMembers) {
        Score newest = scores.stream().max(LATEST).orElseThrow();
        Map<List<UUID>, List<Score>> byMember = scores.stream().collect(Collectors.groupingBy(
                s -> List.of(s.participantId(), s.groupId()), LinkedHashMap::new, Collectors.toList()));
        List<Pair> pairs = new ArrayList<>();
        byMember.forEach((key, memberScores) -> {
            Score pre = latest(memberScores, Score.PRE);
            Score post = latest(memberScores, Score.POST);
            if (pre != null && post != null) {
                pairs.add(new Pair(key.get(0), key.get(1), pre, post));
            }
        });
        if (pairs.isEmpty()) {
            return null;
        }
        pairs.sort(Comparator.comparing((Pair p) -> p.participantId().toString())
                .thenComparing(p -> String.valueOf(p.groupId())));
        ScaleOutcome total = scale(TOTAL, pairs, Score::total, newest, withMembers);
        TreeSet<String> subscaleNames = new TreeSet<>();
        pairs.forEach(p -> {
            if (p.pre().subscales() != null && p.post().subscales() != null) {
                p.pre().subscales().keySet().stream().filter(p.post().subscales()::containsKey)
                        .forEach(subscaleNames::add);
            }
        });
        List<ScaleOutcome> subscales = new ArrayList<>();
        for (String name : subscaleNames) {
            ScaleOutcome outcome = scale(name, pairs,
                    s -> s.subscales() == null ? null : s.subscales().get(name), newest, withMembers);
            if (outcome != null) {
                subscales.add(outcome);
            }
        }
        if (total == null && subscales.isEmpty()) {
            return null;
        }
        return new InstrumentOutcome(newest.instrumentCode(), newest.instrumentVersion(), newest.higherIsWorse(),
                total, subscales);
    }

    private static Score latest(List<Score> scores, String phase) {
        return scores.stream().filter(s -> phase.equals(s.phase())).max(LATEST).orElse(null);
    }

    private static ScaleOutcome scale(String name, List<Pair> allPairs, Function<Score, Double> value,
            Score instrument, boolean withMembers) {
        List<Pair> pairs = allPairs.stream()
                .filter(p -> value.apply(p.pre()) != null && value.apply(p.post()) != null).toList();
        if (pairs.isEmpty()) {
            return null;
        }
        double[] pre = pairs.stream().mapToDouble(p -> value.apply(p.pre())).toArray();
        double[] post = pairs.stream().mapToDouble(p -> value.apply(p.post())).toArray();
        PairedComparison c = PairedComparison.of(pre, post);

        Double reliability = instrument.reliabilityOf(name);
        Double normSd = instrument.normSdOf(name);
        ScaleOutcome.RciBasis basis = null;
        String unavailable = null;
        if (!usable(reliability)) {
            unavailable = "NO_RELIABILITY";
        } else if (normSd != null && normSd > 0) {
            basis = basis(reliability, normSd, "NORM_SD");
        } else if (c.preSd() != null && c.preSd() > 0) {
            basis = basis(reliability, c.preSd(), "GROUP_PRE_SD");
        } else {
            unavailable = "NO_SD";
        }

        List<ScaleOutcome.MemberChange> members = new ArrayList<>();
        int improved = 0;
        int unchanged = 0;
        int worse = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Double rci = basis == null ? null : ReliableChange.index(pre[i], post[i], basis.sDiff());
            ReliableChange.Category category = rci == null ? null
                    : ReliableChange.categorise(rci, instrument.higherIsWorse());
            if (category == ReliableChange.Category.RELIABLY_IMPROVED) {
                improved++;
            } else if (category == ReliableChange.Category.RELIABLY_DETERIORATED) {
                worse++;
            } else if (category != null) {
                unchanged++;
            }
            members.add(new ScaleOutcome.MemberChange(pairs.get(i).participantId(), pairs.get(i).groupId(), pre[i],
                    post[i], post[i] - pre[i], rci, category == null ? null : category.name()));
        }
        boolean counted = basis != null;
        return new ScaleOutcome(name, c.n(), c.preMean(), c.preSd(), c.postMean(), c.postSd(), c.meanChange(),
                c.changeSd(),
                c.ciLower() == null ? null : new ScaleOutcome.Interval(c.ciLower(), c.ciUpper()),
                c.t() == null ? null : new ScaleOutcome.TTest(c.t(), c.df(), c.p()),
                ScaleOutcome.Wilcoxon.of(c.wilcoxon()),
                c.cohensDz() == null ? null
                        : new ScaleOutcome.EffectSize(c.cohensDz(), c.hedgesGz(), PairedComparison.magnitude(c.cohensDz())),
                basis, unavailable,
                counted ? improved : null, counted ? unchanged : null, counted ? worse : null,
                withMembers ? members : null);
    }

    /**
     * A pooled scale outcome (centre, city) from running tallies: the comparison from the pairs' moments, reliable
     * change from the scale's reliability and normative SD. Pooled figures have no Wilcoxon test (it needs every
     * difference) and, without a normative SD, no reliable change (the pooled pre-test SD would move with every
     * new pair, so the categories could not be kept as counts).
     */
    public static ScaleOutcome pooled(String name, PairedComparison c, Double reliability, Double normSd,
            long rciPairs, long improved, long unchanged, long worse) {
        ScaleOutcome.RciBasis basis = null;
        String unavailable = null;
        if (!usable(reliability)) {
            unavailable = "NO_RELIABILITY";
        } else if (normSd != null && normSd > 0 && rciPairs > 0) {
            basis = basis(reliability, normSd, "NORM_SD");
        } else {
            unavailable = "NO_NORM_SD";
        }
        boolean counted = basis != null;
        return new ScaleOutcome(name, c.n(), c.preMean(), c.preSd(), c.postMean(), c.postSd(), c.meanChange(),
                c.changeSd(),
                c.ciLower() == null ? null : new ScaleOutcome.Interval(c.ciLower(), c.ciUpper()),
                c.t() == null ? null : new ScaleOutcome.TTest(c.t(), c.df(), c.p()),
                null,
                c.cohensDz() == null ? null
                        : new ScaleOutcome.EffectSize(c.cohensDz(), c.hedgesGz(), PairedComparison.magnitude(c.cohensDz())),
                basis, unavailable,
                counted ? (int) improved : null, counted ? (int) unchanged : null, counted ? (int) worse : null, null);
    }

    /** A reliability the index can use: r = 1 would make every change "reliable" (S_diff = 0). */
    public static boolean usable(Double reliability) {
        return reliability != null && reliability >= 0 && reliability < 1;
    }

    private static ScaleOutcome.RciBasis basis(double reliability, double sd, String source) {
        return new ScaleOutcome.RciBasis(reliability, sd, source,
                ReliableChange.standardErrorOfDifference(sd, reliability), ReliableChange.CRITICAL);
    }

}

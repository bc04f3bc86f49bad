package org.peercircle.reporting.statistics;

import java.util.Arrays;

import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * The Wilcoxon signed-rank test for paired differences, two-sided.
 *
 * <p>How the awkward cases are handled, the same way R's {@code wilcox.test} and SciPy's default
 * ({@code zero_method='wilcox'}) do:
 * <ul>
 * <li><b>Zero differences</b> are dropped before ranking (Wilcoxon's original method); {@code n} is the number of
 * non-zero differences and {@code zeros} says how many were dropped.</li>
 * <li><b>Ties</b> among the absolute differences get their average (mid-)rank.</li>
 * <li><b>Statistic</b>: {@code W} = W+, the sum of the ranks of the positive differences (R's {@code V}); W− is
 * reported too (SciPy's two-sided statistic is min(W+, W−)).</li>
 * <li><b>Exact p</b> when 1 ≤ n ≤ {@value #EXACT_MAX_N}: the exact permutation distribution of W+ given the
 * observed (mid-)ranks, so it stays exact with ties (R then falls back to the normal approximation). Mid-ranks
 * are multiples of ½, so doubled ranks are integers and the distribution is counted by dynamic programming
 * over the 2^n equally likely sign patterns; p = min(1, 2·min(P(W+ ≤ w), P(W+ ≥ w))), a rational k/2^n.</li>
 * <li><b>Normal approximation</b> above that: mean n(n+1)/4, variance n(n+1)(2n+1)/24 − Σ(t³−t)/48 over tie
 * groups of size t, and a continuity correction of ½ towards the mean (R's default {@code correct = TRUE}).</li>
 * </ul>
 */
public final class SignedRankTest {

    public static final int EXACT_MAX_N = 25;

    public enum Method { EXACT, NORMAL_APPROXIMATION, NO_NONZERO_DIFFERENCES }

    /**
     * @param w W+ (sum of ranks of positive differences)
     * @param wMinus W−
     * @param n number of non-zero differences
     * @param zeros number of zero differences dropped
     * @param z the standardised statistic (normal approximation only)
     * @param p two-sided p-value (null when there is no non-zero difference)
     * @param pGreater one-sided p for "differences tend to be positive", P(W+ ≥ w)
     * @param pLess one-sided p for "differences tend to be negative", P(W+ ≤ w)
     */
    public record Result(double w, double wMinus, int n, int zeros, Method method, Double z, Double p,
            Double pGreater, Double pLess) {
    }

    private SignedRankTest() {
    }

    /** Exact for n ≤ 25 non-zero differences, normal approximation with continuity correction above. */
    public static Result test(double[] differences) {
        long nonZero = Arrays.stream(differences).filter(d -> d != 0).count();
        return nonZero <= EXACT_MAX_N ? exact(differences) : approximate(differences, true);
    }

    public static Result exact(double[] differences) {
        Ranked r = rank(differences);
        if (r.n == 0) {
            return none(r);
        }
        int[] doubled = new int[r.n];
        for (int i = 0; i < r.n; i++) {
            doubled[i] = (int) Math.round(2 * r.ranks[i]);
        }
        int max = Arrays.stream(doubled).sum();
        // counts[s]: sign patterns whose positive doubled ranks add up to s; 2^25 patterns fit a long
        long[] counts = new long[max + 1];
        counts[0] = 1;
        int reach = 0;
        for (int rank : doubled) {
            for (int s = reach; s >= 0; s--) {
                if (counts[s] != 0) {
                    counts[s + rank] += counts[s];
                }
            }
            reach += rank;
        }
        int observed = (int) Math.round(2 * r.wPlus);
        long atMost = 0;
        long atLeast = 0;
        for (int s = 0; s <= max; s++) {
            if (s <= observed) {
                atMost += counts[s];
            }
            if (s >= observed) {
                atLeast += counts[s];
            }
        }
        double total = Math.pow(2, r.n);
        double pLess = atMost / total;
        double pGreater = atLeast / total;
        double p = Math.min(1.0, 2 * Math.min(pLess, pGreater));
        return new Result(r.wPlus, r.wMinus, r.n, r.zeros, Method.EXACT, null, p, pGreater, pLess);
    }

    public static Result approximate(double[] differences, boolean continuityCorrection) {
        Ranked r = rank(differences);
        if (r.n == 0) {
            return none(r);
        }
        double n = r.n;
        double mean = n * (n + 1) / 4;
        double variance = n * (n + 1) * (2 * n + 1) / 24 - r.tieSum / 48;
        double sd = Math.sqrt(variance);
        NormalDistribution normal = new NormalDistribution();
        double diff = r.wPlus - mean;
        double cc = continuityCorrection ? 0.5 : 0;
        double z = (diff - Math.signum(diff) * cc) / sd;
        double p = Math.min(1.0, 2 * Math.min(normal.cumulativeProbability(z), normal.cumulativeProbability(-z)));
        double pGreater = 1 - normal.cumulativeProbability((diff - cc) / sd);
        double pLess = normal.cumulativeProbability((diff + cc) / sd);
        return new Result(r.wPlus, r.wMinus, r.n, r.zeros, Method.NORMAL_APPROXIMATION, z, p, pGreater, pLess);
    }

    private static Result none(Ranked r) {
        return new Result(0, 0, 0, r.zeros, Method.NO_NONZERO_DIFFERENCES, null, null, null, null);
    }

    private record Ranked(int n, int zeros, double[] ranks, double wPlus, double wMinus, double tieSum) {
    }

    /** Mid-ranks of the absolute non-zero differences, W+ and W−, and Σ(t³−t) over tie groups. */
    private static Ranked rank(double[] differences) {
        double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
        int n = nonZero.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(Math.abs(nonZero[a]), Math.abs(nonZero[b])));
        double[] ranks = new double[n];
        double tieSum = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Math.abs(nonZero[order[j + 1]]) == Math.abs(nonZero[order[i]])) {
                j++;
            }
            double midRank = (i + 1 + j + 1) / 2.0;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = midRank;
            }
            double t = j - i + 1;
            tieSum += t * t * t - t;
            i = j + 1;
        }
        double wPlus = 0;
        double wMinus = 0;
        for (int k = 0; k < n; k++) {
            if (nonZero[k] > 0) {
                wPlus += ranks[k];
            } else {
                wMinus += ranks[k];
            }
        }
        return new Ranked(n, differences.length - n, ranks, wPlus, wMinus, tieSum);
    }
}

package org.peercircle.reporting.statistics;

import java.math.BigDecimal;
import java.math.MathContext;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.special.Gamma;
import org.hipparchus.stat.descriptive.moment.Mean;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;

/**
 * Pre/post comparison of one measure over the same people: descriptives, mean change with its 95% confidence
 * interval, the paired t-test, the Wilcoxon signed-rank test and paired effect sizes. Change is post − pre.
 *
 * <p>Figures that need more data than there is are null rather than invented: SDs and the t-test need two pairs,
 * the t-test and dz need differences that are not all equal, Hedges' correction needs df ≥ 2.
 */
public record PairedComparison(
        int n,
        double preMean, Double preSd,
        double postMean, Double postSd,
        double meanChange, Double changeSd,
        Double ciLower, Double ciUpper,
        Double t, Integer df, Double p,
        SignedRankTest.Result wilcoxon,
        Double cohensDz, Double hedgesGz) {

    public static final double CONFIDENCE = 0.95;

    public static PairedComparison of(double[] pre, double[] post) {
        if (pre.length != post.length || pre.length == 0) {
            throw new IllegalArgumentException("need the same number (≥ 1) of pre and post values");
        }
        int n = pre.length;
        double[] change = new double[n];
        for (int i = 0; i < n; i++) {
            change[i] = post[i] - pre[i];
        }
        double meanChange = new Mean().evaluate(change);
        SignedRankTest.Result wilcoxon = SignedRankTest.test(roundedForRanking(change));
        if (n < 2) {
            return new PairedComparison(n, pre[0], null, post[0], null, meanChange, null, null, null, null, null,
                    null, wilcoxon, null, null);
        }
        double sdChange = new StandardDeviation().evaluate(change);
        Inference i = sdChange > 0 ? Inference.of(n, meanChange, sdChange) : Inference.NONE;
        return new PairedComparison(n, new Mean().evaluate(pre), new StandardDeviation().evaluate(pre),
                new Mean().evaluate(post), new StandardDeviation().evaluate(post), meanChange, sdChange,
                i.ciLower(), i.ciUpper(), i.t(), n - 1, i.p(), wilcoxon, i.dz(), i.gz());
    }

    /**
     * The same comparison from the count, sums and sums of squares of pre, post and change (exact decimals), for
     * pooled figures kept as running tallies. Everything but the Wilcoxon test (which needs the ranks of all
     * differences, so it is null here) equals {@link #of} on the underlying pairs, up to floating-point rounding.
     */
    public static PairedComparison ofMoments(long count, BigDecimal preSum, BigDecimal preSquares, BigDecimal postSum,
            BigDecimal postSquares, BigDecimal changeSum, BigDecimal changeSquares) {
        if (count < 1 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("need at least one pair, got " + count);
        }
        int n = (int) count;
        double preMean = mean(preSum, n);
        double postMean = mean(postSum, n);
        double meanChange = mean(changeSum, n);
        if (n < 2) {
            return new PairedComparison(n, preMean, null, postMean, null, meanChange, null, null, null, null, null,
                    null, null, null, null);
        }
        BigDecimal changeVariance = variance(changeSum, changeSquares, n);
        double sdChange = Math.sqrt(changeVariance.doubleValue());
        Inference i = changeVariance.signum() > 0 ? Inference.of(n, meanChange, sdChange) : Inference.NONE;
        return new PairedComparison(n, preMean, Math.sqrt(variance(preSum, preSquares, n).doubleValue()), postMean,
                Math.sqrt(variance(postSum, postSquares, n).doubleValue()), meanChange, sdChange, i.ciLower(), i.ciUpper(),
                i.t(), n - 1, i.p(), null, i.dz(), i.gz());
    }

    /**
     * What follows from n paired changes with this mean and (non-zero) SD: the 95% confidence interval, the paired
     * t-test (t = mean / SE on n − 1 degrees of freedom, two-sided p) and the effect sizes; all null when the
     * changes do not vary.
     */
    private record Inference(Double ciLower, Double ciUpper, Double t, Double p, Double dz, Double gz) {

        static final Inference NONE = new Inference(null, null, null, null, null, null);

        static Inference of(int n, double meanChange, double sdChange) {
            int df = n - 1;
            double se = sdChange / Math.sqrt(n);
            TDistribution distribution = new TDistribution(df);
            double critical = distribution.inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
            double t = meanChange / se;
            double dz = meanChange / sdChange;
            Double j = hedgesCorrection(df);
            return new Inference(meanChange - critical * se, meanChange + critical * se, t,
                    2.0 * distribution.cumulativeProbability(-Math.abs(t)), dz, j == null ? null : j * dz);
        }
    }

    private static double mean(BigDecimal sum, int n) {
        return sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128).doubleValue();
    }

    /** Sample variance (n − 1), computed exactly enough that equal values give exactly zero. */
    private static BigDecimal variance(BigDecimal sum, BigDecimal squares, int n) {
        BigDecimal bn = BigDecimal.valueOf(n);
        BigDecimal v = squares.multiply(bn).subtract(sum.multiply(sum))
                .divide(bn.multiply(BigDecimal.valueOf(n - 1L)), MathContext.DECIMAL128);
        return v.signum() < 0 ? BigDecimal.ZERO : v;
    }

    /**
     * Scores carry a few decimals; rounding the differences to 9 decimals before ranking makes 2.1 − 1.3 and
     * 1.8 − 1.0 the tie they are, instead of two ranks that differ by binary rounding error.
     */
    static double[] roundedForRanking(double[] change) {
        double[] rounded = new double[change.length];
        for (int i = 0; i < change.length; i++) {
            rounded[i] = Math.round(change[i] * 1e9) / 1e9;
        }
        return rounded;
    }

    /**
     * Hedges' small-sample bias correction, the exact form J(df) = Γ(df/2) / (√(df/2) · Γ((df−1)/2)) (Hedges
     * 1981), rather than the approximation 1 − 3/(4df − 1); null for df &lt; 2 where it is undefined.
     */
    public static Double hedgesCorrection(int df) {
        if (df < 2) {
            return null;
        }
        return Math.exp(Gamma.logGamma(df / 2.0) - Gamma.logGamma((df - 1) / 2.0)) / Math.sqrt(df / 2.0);
    }

    /** Cohen's conventional labels for |d|: below 0.2 negligible, 0.5 small, 0.8 medium, else large. */
    public static String magnitude(Double d) {
        if (d == null) {
            return null;
        }
        double a = Math.abs(d);
        return a < 0.2 ? "NEGLIGIBLE" : a < 0.5 ? "SMALL" : a < 0.8 ? "MEDIUM" : "LARGE";
    }
}

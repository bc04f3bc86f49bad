package org.peercircle.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.peercircle.reporting.statistics.SignedRankTest.Method;
import org.peercircle.reporting.statistics.SignedRankTest.Result;

/** Golden values from SciPy's and R's documentation, or exact rationals k/2^n counted by hand (shown below). */
class SignedRankTestTest {

    private static final double GOLDEN = 1e-9;

    /** Darwin's corn data, the example of the scipy.stats.wilcoxon documentation. */
    private static final double[] CORN = { 6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75 };

    @Test
    void cornExampleMatchesScipyExactValues() {
        Result r = SignedRankTest.test(CORN);
        // scipy.stats.wilcoxon docs (1.9+): wilcoxon(d) -> statistic 24.0 = min(W+, W-), pvalue 0.041259765625 (exact)
        assertThat(r.method()).isEqualTo(Method.EXACT);
        assertThat(r.wMinus()).isEqualTo(24.0);
        assertThat(r.w()).isEqualTo(96.0);
        assertThat(r.p()).isCloseTo(0.041259765625, within(GOLDEN));
        // same page: wilcoxon(d, alternative='greater') -> (96.0, 0.0206298828125)
        assertThat(r.pGreater()).isCloseTo(0.0206298828125, within(GOLDEN));
    }

    @Test
    void cornExampleMatchesScipyNormalApproximationWithoutContinuityCorrection() {
        Result r = SignedRankTest.approximate(CORN, false);
        // scipy.stats.wilcoxon docs (1.9+): wilcoxon(d, method='approx') -> (24.0, 0.04088813291185591)
        assertThat(r.method()).isEqualTo(Method.NORMAL_APPROXIMATION);
        assertThat(r.p()).isCloseTo(0.04088813291185591, within(GOLDEN));
        // scipy 1.3 docs (normal approximation was the default): wilcoxon(d, alternative='greater') -> (96.0, 0.020444066455927955)
        assertThat(r.pGreater()).isCloseTo(0.020444066455927955, within(GOLDEN));
    }

    @Test
    void depressionExampleMatchesRWilcoxTestHelp() {
        // R ?wilcox.test, Hollander & Wolfe (1973) p. 29 depression scale: x first visit, y second visit
        double[] x = { 1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30 };
        double[] y = { 0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29 };
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = x[i] - y[i];
        }
        Result r = SignedRankTest.test(d);
        // wilcox.test(x, y, paired = TRUE, alternative = "greater"): V = 40, p-value = 0.01953
        assertThat(r.w()).isEqualTo(40.0);
        // exactly 10/512: W+ >= 40 of 45 <=> W- <= 5, and rank subsets summing to at most 5 are
        // {}, {1}, {2}, {3}, {1,2}, {4}, {1,3}, {5}, {1,4}, {2,3}
        assertThat(r.pGreater()).isCloseTo(10.0 / 512, within(GOLDEN)).isCloseTo(0.01953, within(5e-6));
        assertThat(r.p()).isCloseTo(20.0 / 512, within(GOLDEN));
    }

    @Test
    void allTiedDifferencesMatchRApproximationWithTieCorrection() {
        double[] d = new double[10];
        java.util.Arrays.fill(d, 0.1);
        // scipy test_morestats.py test_wilcoxon_tie, quoting R:
        // wilcox.test(rep(0.1, 10), exact=FALSE, correct=FALSE)$p.value -> 0.001565402
        // wilcox.test(rep(0.1, 10), exact=FALSE, correct=TRUE)$p.value  -> 0.001904195
        // (printed to 9 decimals, so they hold to 5e-10)
        assertThat(SignedRankTest.approximate(d, false).p()).isCloseTo(0.001565402, within(GOLDEN));
        assertThat(SignedRankTest.approximate(d, true).p()).isCloseTo(0.001904195, within(GOLDEN));
        // exact, by hand: all ten mid-ranks are 5.5; only the all-positive pattern reaches W+ = 55: 2 * 1/1024
        Result exact = SignedRankTest.test(d);
        assertThat(exact.method()).isEqualTo(Method.EXACT);
        assertThat(exact.w()).isEqualTo(55.0);
        assertThat(exact.p()).isCloseTo(2.0 / 1024, within(GOLDEN));
    }

    @Test
    void sleepDataWithZeroAndTiesMatchesRNormalApproximation() {
        // R datasets::sleep, extra[group 2] - extra[group 1]: one zero difference and a tie (1.3, 1.3)
        double[] d = { 1.2, 2.4, 1.3, 1.3, 0.0, 1.0, 1.8, 0.8, 4.6, 1.4 };
        Result approx = SignedRankTest.approximate(d, true);
        // R: wilcox.test(extra ~ group, data = sleep, paired = TRUE) -> V = 0, p-value = 0.009091
        // (R cannot be exact with ties and zeros, so it uses the corrected normal approximation)
        assertThat(approx.wMinus()).isEqualTo(0.0);
        assertThat(approx.n()).isEqualTo(9);
        assertThat(approx.zeros()).isEqualTo(1);
        assertThat(approx.p()).isCloseTo(0.009091, within(5e-7));
        // exact, by hand: the zero is dropped, all nine are positive, only one of 2^9 patterns is that extreme
        Result exact = SignedRankTest.test(d);
        assertThat(exact.method()).isEqualTo(Method.EXACT);
        assertThat(exact.w()).isEqualTo(45.0);
        assertThat(exact.p()).isCloseTo(2.0 / 512, within(GOLDEN));
    }

    @Test
    void tiesAndZerosExactByHand() {
        // zeros dropped -> [1, -1, 2, 2, 3]; mid-ranks 1.5, 1.5, 3.5, 3.5, 5; W+ = 13.5, W- = 1.5.
        // Doubled ranks {3, 3, 7, 7, 10} (total 30); W+ >= 13.5 <=> the negative set sums to <= 3 (doubled):
        // {}, {3}, {3'} -> 3 of 32 patterns, so P(W+ >= 13.5) = 3/32 and two-sided p = 6/32.
        Result r = SignedRankTest.test(new double[] { 0, 1, -1, 2, 2, 3 });
        assertThat(r.zeros()).isEqualTo(1);
        assertThat(r.n()).isEqualTo(5);
        assertThat(r.w()).isEqualTo(13.5);
        assertThat(r.wMinus()).isEqualTo(1.5);
        assertThat(r.pGreater()).isCloseTo(3.0 / 32, within(GOLDEN));
        assertThat(r.p()).isCloseTo(6.0 / 32, within(GOLDEN));
    }

    @Test
    void noNonZeroDifferenceHasNoPValue() {
        Result r = SignedRankTest.test(new double[] { 0, 0, 0 });
        assertThat(r.method()).isEqualTo(Method.NO_NONZERO_DIFFERENCES);
        assertThat(r.p()).isNull();
        assertThat(r.zeros()).isEqualTo(3);
    }

    @Test
    void aboveTwentyFiveNonZeroDifferencesUsesTheApproximation() {
        double[] d = new double[26];
        for (int i = 0; i < d.length; i++) {
            d[i] = (i % 3 == 0 ? -1 : 1) * (i + 1);
        }
        assertThat(SignedRankTest.test(d).method()).isEqualTo(Method.NORMAL_APPROXIMATION);
        assertThat(SignedRankTest.test(java.util.Arrays.copyOf(d, 25)).method()).isEqualTo(Method.EXACT);
    }

    /** Property: the dynamic programme counts the same tails as enumerating every sign pattern. */
    @Test
    void exactDistributionEqualsBruteForceEnumerationWithTies() {
        Random random = new Random(20240611);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(12);
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                d[i] = (random.nextBoolean() ? 1 : -1) * random.nextInt(5); // many ties and some zeros
            }
            Result r = SignedRankTest.exact(d);
            if (r.n() == 0) {
                continue;
            }
            double[] ranks = midRanksOfNonZero(d);
            int m = ranks.length;
            long atLeast = 0;
            long atMost = 0;
            for (int mask = 0; mask < (1 << m); mask++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    if ((mask & (1 << i)) != 0) {
                        sum += ranks[i];
                    }
                }
                if (sum >= r.w() - 1e-9) {
                    atLeast++;
                }
                if (sum <= r.w() + 1e-9) {
                    atMost++;
                }
            }
            assertThat(r.pGreater()).isEqualTo(atLeast / Math.pow(2, m));
            assertThat(r.pLess()).isEqualTo(atMost / Math.pow(2, m));
        }
    }

    private static double[] midRanksOfNonZero(double[] d) {
        double[] abs = java.util.Arrays.stream(d).filter(v -> v != 0).map(Math::abs).toArray();
        double[] ranks = new double[abs.length];
        for (int i = 0; i < abs.length; i++) {
            int below = 0;
            int equal = 0;
            for (double v : abs) {
                if (v < abs[i]) {
                    below++;
                } else if (v == abs[i]) {
                    equal++;
                }
            }
            ranks[i] = below + (equal + 1) / 2.0;
        }
        return ranks;
    }
}

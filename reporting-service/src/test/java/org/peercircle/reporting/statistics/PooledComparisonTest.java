package org.peercircle.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The comparison from running sums equals the one from the pairs themselves (all but the Wilcoxon test). */
class PooledComparisonTest {

    private static final double CLOSE = 1e-9;

    @Test
    void momentsGiveTheSameComparisonAsThePairs() {
        Random random = new Random(20261123);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(60);
            double[] pre = new double[n];
            double[] post = new double[n];
            for (int i = 0; i < n; i++) {
                pre[i] = 20 + random.nextInt(60) + (random.nextBoolean() ? 0.5 : 0);
                post[i] = pre[i] + random.nextInt(21) - 12 + (random.nextInt(4) == 0 ? 0.25 : 0);
            }
            PairedComparison expected = PairedComparison.of(pre, post);
            PairedComparison pooled = pooled(pre, post);
            assertThat(pooled.n()).isEqualTo(expected.n());
            assertThat(pooled.preMean()).isCloseTo(expected.preMean(), within(CLOSE));
            assertThat(pooled.postMean()).isCloseTo(expected.postMean(), within(CLOSE));
            assertThat(pooled.meanChange()).isCloseTo(expected.meanChange(), within(CLOSE));
            assertClose(pooled.preSd(), expected.preSd());
            assertClose(pooled.postSd(), expected.postSd());
            assertClose(pooled.changeSd(), expected.changeSd());
            assertClose(pooled.ciLower(), expected.ciLower());
            assertClose(pooled.ciUpper(), expected.ciUpper());
            assertClose(pooled.t(), expected.t());
            assertClose(pooled.p(), expected.p());
            assertThat(pooled.df()).isEqualTo(expected.df());
            assertClose(pooled.cohensDz(), expected.cohensDz());
            assertClose(pooled.hedgesGz(), expected.hedgesGz());
            assertThat(pooled.wilcoxon()).isNull();
        }
    }

    @Test
    void equalChangesHaveNoTestAndOnePairHasNoSpread() {
        PairedComparison same = pooled(new double[] { 10, 20, 30 }, new double[] { 12, 22, 32 });
        assertThat(same.changeSd()).isZero();
        assertThat(same.t()).isNull();
        assertThat(same.cohensDz()).isNull();
        PairedComparison one = pooled(new double[] { 10 }, new double[] { 7 });
        assertThat(one.preSd()).isNull();
        assertThat(one.meanChange()).isEqualTo(-3.0);
    }

    private static PairedComparison pooled(double[] pre, double[] post) {
        BigDecimal[] s = new BigDecimal[6];
        java.util.Arrays.fill(s, BigDecimal.ZERO);
        for (int i = 0; i < pre.length; i++) {
            BigDecimal a = BigDecimal.valueOf(pre[i]);
            BigDecimal b = BigDecimal.valueOf(post[i]);
            BigDecimal d = b.subtract(a);
            s[0] = s[0].add(a);
            s[1] = s[1].add(a.multiply(a));
            s[2] = s[2].add(b);
            s[3] = s[3].add(b.multiply(b));
            s[4] = s[4].add(d);
            s[5] = s[5].add(d.multiply(d));
        }
        return PairedComparison.ofMoments(pre.length, s[0], s[1], s[2], s[3], s[4], s[5]);
    }

    private static void assertClose(Double actual, Double expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isCloseTo(expected, within(CLOSE * Math.max(1, Math.abs(expected))));
        }
    }
}

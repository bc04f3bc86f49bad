package org.peercircle.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Golden values: Student's sleep data as published by R and SciPy, and a three-pair case whose every figure has a
 * closed form (Student's t with 2 degrees of freedom: CDF F(t) = 1/2 + t / (2·√(2 + t²)), quantile
 * t_p = (2p − 1) / √(2p(1 − p)); Γ(1) = 1, Γ(1/2) = √π).
 */
class PairedComparisonTest {

    private static final double GOLDEN = 1e-9;

    @Test
    void sleepDataMatchesRAndScipy() {
        // R datasets::sleep (Cushny & Peebles 1905, Student 1908): extra hours of sleep, drug 1 and drug 2
        double[] drug1 = { 0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0 };
        double[] drug2 = { 1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4 };
        PairedComparison c = PairedComparison.of(drug1, drug2);
        // scipy.stats.ttest_rel(drug1, drug2) -> statistic=-4.062127683382037, pvalue=0.00283289019738427
        // (our change is drug2 - drug1, so the sign of t flips)
        assertThat(c.t()).isCloseTo(4.062127683382037, within(GOLDEN));
        assertThat(c.p()).isCloseTo(0.00283289019738427, within(GOLDEN));
        assertThat(c.df()).isEqualTo(9);
        assertThat(c.meanChange()).isCloseTo(1.58, within(GOLDEN));
        // R ?sleep: t.test(extra ~ group, paired) -> 95 percent CI -2.4598858 -0.7001142 (printed to 7 decimals)
        assertThat(c.ciLower()).isCloseTo(0.7001142, within(5e-8));
        assertThat(c.ciUpper()).isCloseTo(2.4598858, within(5e-8));
        // dz = t / sqrt(n) for paired data
        assertThat(c.cohensDz()).isCloseTo(4.062127683382037 / Math.sqrt(10), within(GOLDEN));
    }

    @Test
    void threePairsHaveClosedFormResults() {
        // changes 1, 2, 6: mean 3, SD sqrt(7), t = 3 / (sqrt(7)/sqrt(3)) = 3·sqrt(3/7), t^2 = 27/7
        PairedComparison c = PairedComparison.of(new double[] { 10, 10, 10 }, new double[] { 11, 12, 16 });
        assertThat(c.changeSd()).isCloseTo(Math.sqrt(7), within(GOLDEN));
        assertThat(c.t()).isCloseTo(3 * Math.sqrt(3.0 / 7), within(GOLDEN));
        // two-sided p with 2 df: 1 - |t| / sqrt(2 + t^2) = 1 - sqrt(27/41)
        assertThat(c.p()).isCloseTo(1 - Math.sqrt(27.0 / 41), within(GOLDEN));
        // t_0.975 with 2 df = 0.95 / sqrt(2 · 0.975 · 0.025) (tables: 4.303)
        double q = 0.95 / Math.sqrt(2 * 0.975 * 0.025);
        assertThat(q).isCloseTo(4.303, within(5e-4));
        assertThat(c.ciLower()).isCloseTo(3 - q * Math.sqrt(7.0 / 3), within(GOLDEN));
        assertThat(c.ciUpper()).isCloseTo(3 + q * Math.sqrt(7.0 / 3), within(GOLDEN));
        // dz = 3 / sqrt(7); Hedges J(2) = Γ(1) / (1 · Γ(1/2)) = 1 / sqrt(π)
        assertThat(c.cohensDz()).isCloseTo(3 / Math.sqrt(7), within(GOLDEN));
        assertThat(c.hedgesGz()).isCloseTo(3 / Math.sqrt(7 * Math.PI), within(GOLDEN));
        assertThat(c.preSd()).isEqualTo(0.0);
        assertThat(c.postMean()).isCloseTo(13, within(GOLDEN));
    }

    @Test
    void hedgesCorrectionClosedForms() {
        // J(4) = Γ(2) / (sqrt(2) · Γ(3/2)) = 1 / (sqrt(2) · sqrt(π)/2) = sqrt(2/π)
        assertThat(PairedComparison.hedgesCorrection(4)).isCloseTo(Math.sqrt(2 / Math.PI), within(GOLDEN));
        assertThat(PairedComparison.hedgesCorrection(1)).isNull();
        // the usual approximation 1 - 3/(4df - 1) agrees closely for larger df
        assertThat(PairedComparison.hedgesCorrection(30)).isCloseTo(1 - 3.0 / 119, within(1e-4));
    }

    @Test
    void tooFewOrConstantDifferencesGiveNoTest() {
        PairedComparison one = PairedComparison.of(new double[] { 5 }, new double[] { 3 });
        assertThat(one.t()).isNull();
        assertThat(one.preSd()).isNull();
        assertThat(one.meanChange()).isEqualTo(-2.0);
        PairedComparison constant = PairedComparison.of(new double[] { 5, 6, 7 }, new double[] { 3, 4, 5 });
        assertThat(constant.t()).isNull();
        assertThat(constant.cohensDz()).isNull();
        assertThat(constant.changeSd()).isEqualTo(0.0);
        assertThat(constant.wilcoxon().w()).isEqualTo(0.0);
    }

    @Test
    void differencesThatTieInDecimalArithmeticAreRankedAsTies() {
        // 2.1 - 1.3 = 0.8000000000000003 in binary floating point, 1.0 - 1.8 = -0.8: the same size, a tie
        PairedComparison c = PairedComparison.of(new double[] { 1.3, 1.8, 5 }, new double[] { 2.1, 1.0, 8 });
        // mid-ranks 1.5, 1.5, 3 -> W+ = 4.5 (untied ranks would give 5); doubled ranks {3, 3, 6}, observed 9:
        // P(W+ >= 4.5) = 3/8 ({3,6}, {3',6}, {3,3',6}), P(W+ <= 4.5) = 7/8, two-sided p = 6/8
        assertThat(c.wilcoxon().w()).isEqualTo(4.5);
        assertThat(c.wilcoxon().p()).isCloseTo(6.0 / 8, within(GOLDEN));
    }

    @Test
    void magnitudeLabels() {
        assertThat(PairedComparison.magnitude(-0.1)).isEqualTo("NEGLIGIBLE");
        assertThat(PairedComparison.magnitude(0.3)).isEqualTo("SMALL");
        assertThat(PairedComparison.magnitude(-0.6)).isEqualTo("MEDIUM");
        assertThat(PairedComparison.magnitude(1.5)).isEqualTo("LARGE");
    }
}

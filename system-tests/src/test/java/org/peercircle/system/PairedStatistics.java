package org.peercircle.system;

import java.util.List;

import org.hipparchus.distribution.continuous.TDistribution;

/**
 * The paired pre/post figures a group's outcome report must show, computed here from the scores the test
 * submitted (not read from the service): means, the mean change and its SD, the paired t-test, and the reliable
 * change index (Jacobson &amp; Truax, with the group's pre-test SD) where the instrument has a reliability.
 */
record PairedStatistics(int n, double preMean, double postMean, double meanChange, double changeSd, double t, int df,
        double p) {

    record Pair(double pre, double post) {
        double change() {
            return post - pre;
        }
    }

    static PairedStatistics of(List<Pair> pairs) {
        int n = pairs.size();
        double preMean = mean(pairs.stream().mapToDouble(Pair::pre).toArray());
        double postMean = mean(pairs.stream().mapToDouble(Pair::post).toArray());
        double[] changes = pairs.stream().mapToDouble(Pair::change).toArray();
        double meanChange = mean(changes);
        double changeSd = sd(changes);
        double t = meanChange / (changeSd / Math.sqrt(n));
        int df = n - 1;
        double p = 2 * new TDistribution(df).cumulativeProbability(-Math.abs(t));
        return new PairedStatistics(n, preMean, postMean, meanChange, changeSd, t, df, p);
    }

    /** Members whose change is reliably in the better direction (|RCI| > 1.96). */
    static long reliablyImproved(List<Pair> pairs, double reliability, boolean higherIsWorse) {
        double preSd = sd(pairs.stream().mapToDouble(Pair::pre).toArray());
        double sDiff = preSd * Math.sqrt(2 * (1 - reliability));
        return pairs.stream().map(pair -> pair.change() / sDiff)
                .filter(rci -> higherIsWorse ? rci < -1.96 : rci > 1.96).count();
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double sd(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}

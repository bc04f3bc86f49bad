package org.peercircle.reporting.statistics;

/**
 * Jacobson–Truax (1991) reliable change index: RCI = (post − pre) / S_diff with S_diff = √2 · SD · √(1 − r),
 * where r is the instrument's reliability and SD the pre-test standard deviation (the instrument's normative SD
 * when it has one). |RCI| &gt; 1.96 is a change larger than measurement error would produce 95% of the time;
 * whether that change is an improvement depends on the scoring direction.
 */
public final class ReliableChange {

    public static final double CRITICAL = 1.96;

    public enum Category { RELIABLY_IMPROVED, NO_RELIABLE_CHANGE, RELIABLY_DETERIORATED }

    private ReliableChange() {
    }

    public static double standardErrorOfDifference(double sd, double reliability) {
        if (!(sd > 0) || !(reliability >= 0 && reliability < 1)) {
            throw new IllegalArgumentException("need SD > 0 and 0 ≤ reliability < 1, got " + sd + ", " + reliability);
        }
        return Math.sqrt(2) * sd * Math.sqrt(1 - reliability);
    }

    public static double index(double pre, double post, double sDiff) {
        return (post - pre) / sDiff;
    }

    /** {@code higherIsWorse}: a falling score is the improvement (loneliness, alienation). */
    public static Category categorise(double rci, boolean higherIsWorse) {
        if (Math.abs(rci) <= CRITICAL) {
            return Category.NO_RELIABLE_CHANGE;
        }
        boolean rose = rci > 0;
        return rose != higherIsWorse ? Category.RELIABLY_IMPROVED : Category.RELIABLY_DETERIORATED;
    }
}

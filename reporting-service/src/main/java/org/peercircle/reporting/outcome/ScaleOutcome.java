package org.peercircle.reporting.outcome;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.peercircle.reporting.statistics.SignedRankTest;

/**
 * Pre/post outcome of one scale (the total or a subscale) of one instrument. Change is post − pre; whether a
 * fall is good is told by the instrument's {@code higherIsWorse}.
 */
@Schema(name = "ScaleOutcome")
public record ScaleOutcome(
        @Schema(description = "TOTAL or the subscale code", examples = "TOTAL") String scale,
        @Schema(description = "Members with both a PRE and a POST score (the latest of each)", examples = "7") int nPaired,
        Double preMean, Double preSd, Double postMean, Double postSd,
        @Schema(description = "Mean of post − pre", examples = "-2.1") Double meanChange,
        Double changeSd,
        Interval ci95,
        TTest tTest,
        @Schema(description = "Null in pooled centre and city figures, which are kept as running sums")
        Wilcoxon wilcoxon,
        EffectSize effectSize,
        @Schema(description = "How the reliable change index was computed; null with rciUnavailable when it cannot be")
        RciBasis reliableChange,
        @Schema(description = "Why there is no reliable change index: NO_RELIABILITY (the instrument version declares "
                + "no reliability for this scale), NO_SD (every pre-test score is the same), NO_NORM_SD (pooled centre "
                + "and city figures need the scale's normative SD)",
                enumeration = { "NO_RELIABILITY", "NO_SD", "NO_NORM_SD" }, examples = "NO_RELIABILITY")
        String rciUnavailable,
        @Schema(description = "Members reliably improved (null without a reliable change index)") Integer improved,
        Integer unchanged,
        Integer worse,
        @Schema(description = "Per member; left out of pooled centre and city figures") List<MemberChange> members) {

    @Schema(name = "ConfidenceInterval")
    public record Interval(double lower, double upper) {
    }

    @Schema(name = "PairedTTest")
    public record TTest(double t, int df, double p) {
    }

    @Schema(name = "WilcoxonSignedRank", description = "W is W+ (sum of ranks of positive post − pre differences, R's V); "
            + "zero differences are dropped, ties get mid-ranks; EXACT (permutation distribution, also with ties) "
            + "for n ≤ 25 non-zero differences, NORMAL_APPROXIMATION with tie and continuity correction above")
    public record Wilcoxon(double w, double wMinus, int nNonZero, int zeros,
            @Schema(enumeration = { "EXACT", "NORMAL_APPROXIMATION", "NO_NONZERO_DIFFERENCES" }, examples = "EXACT") String method,
            Double z, Double p) {

        static Wilcoxon of(SignedRankTest.Result r) {
            return r == null ? null : new Wilcoxon(r.w(), r.wMinus(), r.n(), r.zeros(), r.method().name(), r.z(), r.p());
        }
    }

    @Schema(name = "PairedEffectSize", description = "Cohen's dz = mean change / SD of change; Hedges' gz = J(df)·dz with the exact J; "
            + "magnitude from |dz| by Cohen's conventions")
    public record EffectSize(double cohensDz, Double hedgesGz, String magnitude) {
    }

    @Schema(name = "ReliableChangeBasis", description = "Jacobson–Truax: S_diff = √2 · SD · √(1 − reliability); |RCI| > 1.96 is reliable change")
    public record RciBasis(double reliability, double sd,
            @Schema(description = "NORM_SD (the instrument's normative SD) or GROUP_PRE_SD (this group's pre-test SD)")
            String sdSource,
            double sDiff, double criterion) {
    }

    @Schema(name = "MemberChange")
    public record MemberChange(UUID participantId, UUID groupId, double pre, double post, double change, Double rci,
            @Schema(enumeration = { "RELIABLY_IMPROVED", "NO_RELIABLE_CHANGE", "RELIABLY_DETERIORATED" },
                    examples = "RELIABLY_IMPROVED") String category) {
    }
}

package org.peercircle.participant.screening;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A centre's screening rule: conditions on instrument scores (the total, or one subscale), combined with ANY
 * (e.g. "interpersonal alienation ≥ 20 or loneliness ≥ 45") or ALL. Instrument codes and subscale names are
 * compared without regard to case.
 *
 * <p>Scores arrive one instrument at a time, so a rule can be undecided: under ANY a single met condition
 * decides ELIGIBLE and INELIGIBLE needs every condition scored and unmet; under ALL a single unmet condition
 * decides INELIGIBLE and ELIGIBLE needs every condition scored and met. Until then the verdict is PENDING.
 */
public record EligibilityRule(Combinator combinator, List<Condition> conditions) {

    @Schema(name = "EligibilityCombinator")
    public enum Combinator { ANY, ALL }

    @Schema(name = "EligibilityOperator")
    public enum Operator { GTE, LTE }

    public enum Verdict { ELIGIBLE, INELIGIBLE, PENDING }

    @Schema(name = "EligibilityCondition")
    public record Condition(String instrumentCode, String subscale, Operator operator, double threshold) {

        /** The score this condition looks at, or null when it has not been scored yet. */
        Double scoreIn(Map<String, Scores> scoresByInstrument) {
            Scores scores = scoresByInstrument.get(key(instrumentCode));
            if (scores == null) {
                return null;
            }
            if (subscale == null || subscale.isBlank()) {
                return scores.total();
            }
            return scores.subscales().entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(subscale.strip()))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        boolean isMetBy(double score) {
            return operator == Operator.GTE ? score >= threshold : score <= threshold;
        }

        String describe() {
            String what = subscale == null || subscale.isBlank() ? instrumentCode : instrumentCode + "·" + subscale;
            String number = threshold == Math.rint(threshold) ? String.valueOf((long) threshold) : String.valueOf(threshold);
            return what + (operator == Operator.GTE ? " ≥ " : " ≤ ") + number;
        }
    }

    /** One instrument's scores: the total (null when the instrument has none) and its subscales. */
    public record Scores(Double total, Map<String, Double> subscales) {
        public Scores {
            subscales = subscales == null ? Map.of() : Map.copyOf(subscales);
        }
    }

    @Schema(name = "EligibilityConditionResult", description = "score is null when not yet scored; met likewise")
    public record ConditionResult(Condition condition, Double score, Boolean met) {
    }

    public record Evaluation(Verdict verdict, List<ConditionResult> conditions) {
    }

    public EligibilityRule {
        conditions = List.copyOf(conditions);
    }

    /** {@code scoresByInstrument} is keyed by instrument code (any case). */
    public Evaluation evaluate(Map<String, Scores> scoresByInstrument) {
        Map<String, Scores> byKey = scoresByInstrument.entrySet().stream()
                .collect(Collectors.toMap(e -> key(e.getKey()), Map.Entry::getValue, (a, b) -> b));
        List<ConditionResult> results = conditions.stream().map(c -> {
            Double score = c.scoreIn(byKey);
            return new ConditionResult(c, score, score == null ? null : c.isMetBy(score));
        }).toList();
        boolean anyMet = results.stream().anyMatch(r -> Boolean.TRUE.equals(r.met()));
        boolean anyUnmet = results.stream().anyMatch(r -> Boolean.FALSE.equals(r.met()));
        boolean allScored = results.stream().allMatch(r -> r.met() != null);
        Verdict verdict = switch (combinator) {
            case ANY -> anyMet ? Verdict.ELIGIBLE : allScored ? Verdict.INELIGIBLE : Verdict.PENDING;
            case ALL -> anyUnmet ? Verdict.INELIGIBLE : allScored ? Verdict.ELIGIBLE : Verdict.PENDING;
        };
        return new Evaluation(verdict, results);
    }

    /** The rule in words, zh-CN: "ALIENATION-7 ≥ 20 或 UCLA-LS3 ≥ 45". */
    public String describe() {
        return conditions.stream().map(Condition::describe)
                .collect(Collectors.joining(combinator == Combinator.ANY ? " 或 " : " 且 "));
    }

    /** The rule in words, English. */
    public String describeInEnglish() {
        return conditions.stream().map(Condition::describe)
                .collect(Collectors.joining(combinator == Combinator.ANY ? " or " : " and "));
    }

    static String key(String instrumentCode) {
        return instrumentCode.strip().toUpperCase(Locale.ROOT);
    }
}

package org.peercircle.participant.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peercircle.participant.screening.EligibilityRule.Combinator;
import org.peercircle.participant.screening.EligibilityRule.Condition;
import org.peercircle.participant.screening.EligibilityRule.Operator;
import org.peercircle.participant.screening.EligibilityRule.Scores;
import org.peercircle.participant.screening.EligibilityRule.Verdict;

class EligibilityRuleTest {

    /** "interpersonal alienation ≥ 20 or loneliness ≥ 45" */
    private static final Condition ALIENATION = new Condition("ALIENATION-7", null, Operator.GTE, 20);
    private static final Condition LONELINESS = new Condition("UCLA-LS3", null, Operator.GTE, 45);

    private static Map<String, Scores> scores(Object... codeAndTotal) {
        java.util.Map<String, Scores> map = new java.util.HashMap<>();
        for (int i = 0; i < codeAndTotal.length; i += 2) {
            map.put((String) codeAndTotal[i], new Scores(((Number) codeAndTotal[i + 1]).doubleValue(), Map.of()));
        }
        return map;
    }

    @Test
    void anyIsEligibleAsSoonAsOneConditionIsMet() {
        var rule = new EligibilityRule(Combinator.ANY, List.of(ALIENATION, LONELINESS));
        assertThat(rule.evaluate(scores("ALIENATION-7", 20)).verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(rule.evaluate(scores("UCLA-LS3", 50)).verdict()).isEqualTo(Verdict.ELIGIBLE);
    }

    @Test
    void anyIsIneligibleOnlyWhenEveryConditionIsScoredAndUnmet() {
        var rule = new EligibilityRule(Combinator.ANY, List.of(ALIENATION, LONELINESS));
        assertThat(rule.evaluate(scores("ALIENATION-7", 19.5)).verdict()).isEqualTo(Verdict.PENDING);
        assertThat(rule.evaluate(scores("ALIENATION-7", 19.5, "UCLA-LS3", 44)).verdict()).isEqualTo(Verdict.INELIGIBLE);
    }

    @Test
    void allIsIneligibleAsSoonAsOneConditionFails() {
        var rule = new EligibilityRule(Combinator.ALL, List.of(ALIENATION, LONELINESS));
        assertThat(rule.evaluate(scores("UCLA-LS3", 30)).verdict()).isEqualTo(Verdict.INELIGIBLE);
        assertThat(rule.evaluate(scores("ALIENATION-7", 25)).verdict()).isEqualTo(Verdict.PENDING);
        assertThat(rule.evaluate(scores("ALIENATION-7", 25, "UCLA-LS3", 45)).verdict()).isEqualTo(Verdict.ELIGIBLE);
    }

    @Test
    void lteConditionsSuitScalesWhereLowIsWorse() {
        var rule = new EligibilityRule(Combinator.ANY, List.of(new Condition("SSRS", null, Operator.LTE, 22)));
        assertThat(rule.evaluate(scores("SSRS", 22)).verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(rule.evaluate(scores("SSRS", 22.5)).verdict()).isEqualTo(Verdict.INELIGIBLE);
    }

    @Test
    void subscaleConditionsReadTheSubscaleNotTheTotal() {
        var rule = new EligibilityRule(Combinator.ANY, List.of(new Condition("alienation", "Interpersonal", Operator.GTE, 14)));
        var evaluation = rule.evaluate(Map.of("ALIENATION", new Scores(10.0, Map.of("interpersonal", 15.0, "powerlessness", 3.0))));
        assertThat(evaluation.verdict()).isEqualTo(Verdict.ELIGIBLE);
        assertThat(evaluation.conditions().get(0).score()).isEqualTo(15.0);
        assertThat(evaluation.conditions().get(0).met()).isTrue();
    }

    @Test
    void aMissingSubscaleOrTotalLeavesTheConditionUnscored() {
        var rule = new EligibilityRule(Combinator.ALL, List.of(new Condition("ALIENATION", "interpersonal", Operator.GTE, 14)));
        var evaluation = rule.evaluate(Map.of("ALIENATION", new Scores(null, Map.of("powerlessness", 3.0))));
        assertThat(evaluation.verdict()).isEqualTo(Verdict.PENDING);
        assertThat(evaluation.conditions().get(0).score()).isNull();
        assertThat(evaluation.conditions().get(0).met()).isNull();
    }

    @Test
    void describesItselfInChineseAndEnglish() {
        var rule = new EligibilityRule(Combinator.ANY, List.of(ALIENATION, new Condition("UCLA-LS3", "social", Operator.LTE, 44.5)));
        assertThat(rule.describe()).isEqualTo("ALIENATION-7 ≥ 20 或 UCLA-LS3·social ≤ 44.5");
        assertThat(rule.describeInEnglish()).isEqualTo("ALIENATION-7 ≥ 20 or UCLA-LS3·social ≤ 44.5");
        assertThat(new EligibilityRule(Combinator.ALL, List.of(ALIENATION, LONELINESS)).describe())
                .isEqualTo("ALIENATION-7 ≥ 20 且 UCLA-LS3 ≥ 45");
    }
}

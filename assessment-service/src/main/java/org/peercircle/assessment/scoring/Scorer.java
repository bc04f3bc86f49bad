package org.peercircle.assessment.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.peercircle.assessment.scoring.Scoring.MissingRule;
import org.peercircle.assessment.scoring.Scoring.Scale;

/**
 * Validates a set of answers against an instrument and scores it exactly (decimal arithmetic, half-up rounding to
 * each scale's precision). The one place where a scoring key is applied.
 */
public final class Scorer {

    private static final MathContext DIVISION = MathContext.DECIMAL64;

    private Scorer() {
    }

    /**
     * @param answers item id → answer; an item that is absent is unanswered
     * @throws InvalidAnswersException naming every offending item: unknown, of the wrong shape, a value that is not
     *         one of its options, a required item missing, or too few answers for the total's missing-item rule
     */
    public static ScoreResult score(Instrument instrument, Map<String, Answer> answers) {
        List<Violation> violations = new ArrayList<>();
        Map<String, BigDecimal> points = new LinkedHashMap<>();
        Map<String, BigDecimal> itemValues = new TreeMap<>();

        answers.forEach((id, answer) -> {
            if (instrument.item(id).isEmpty()) {
                violations.add(new Violation(field(id), "is not an item of " + instrument.code() + " v"
                        + instrument.version()));
            }
        });
        for (Item item : instrument.items()) {
            Answer answer = answers.get(item.id());
            if (answer == null) {
                if (item.required()) {
                    violations.add(new Violation(field(item.id()), "is required"));
                }
                continue;
            }
            BigDecimal itemPoints = pointsOf(item, answer, violations, itemValues);
            if (itemPoints != null) {
                points.put(item.id(), itemPoints);
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidAnswersException(violations);
        }

        Scoring scoring = instrument.scoring();
        boolean prorated = false;
        BigDecimal total = null;
        if (scoring != null && scoring.total() != null) {
            List<Item> members = instrument.items().stream().filter(Item::countsInScores).toList();
            ScaleScore score = scale(scoring.total(), members, points);
            if (score == null) {
                throw tooFewAnswers(scoring.total(), members, points);
            }
            total = score.value();
            prorated = score.prorated();
        }
        Map<String, BigDecimal> subscales = new LinkedHashMap<>();
        if (scoring != null) {
            for (Scale subscale : scoring.subscales()) {
                List<Item> members = instrument.items().stream()
                        .filter(i -> subscale.code().equals(i.subscale())).toList();
                ScaleScore score = scale(subscale, members, points);
                if (score != null) {
                    subscales.put(subscale.code(), score.value());
                    prorated |= score.prorated();
                }
            }
        }
        return new ScoreResult(total, subscales, instrument.bandOf(total).orElse(null), prorated, itemValues);
    }

    private record ScaleScore(BigDecimal value, boolean prorated) {
    }

    /** The scale's score, or null when its missing-item rule is not met. */
    private static ScaleScore scale(Scale scale, List<Item> members, Map<String, BigDecimal> points) {
        int items = members.size();
        List<BigDecimal> answered = members.stream().map(i -> points.get(i.id())).filter(p -> p != null).toList();
        int count = answered.size();
        MissingRule missing = scale.missing();
        if (count == 0 || count < missing.minimum(items)) {
            return null;
        }
        BigDecimal sum = answered.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean incomplete = count < items;
        BigDecimal value;
        boolean prorated = false;
        if (scale.method() == Scoring.Method.MEAN) {
            value = sum.divide(BigDecimal.valueOf(count), DIVISION);
            prorated = incomplete && missing.rule() == MissingRule.Kind.PRORATE;
        } else if (incomplete && missing.rule() == MissingRule.Kind.PRORATE) {
            value = sum.multiply(BigDecimal.valueOf(items)).divide(BigDecimal.valueOf(count), DIVISION);
            prorated = true;
        } else {
            value = sum;
        }
        return new ScaleScore(value.setScale(scale.precision(), RoundingMode.HALF_UP), prorated);
    }

    private static BigDecimal pointsOf(Item item, Answer answer, List<Violation> violations,
            Map<String, BigDecimal> itemValues) {
        String field = field(item.id());
        if (item.multiple()) {
            if (!(answer instanceof Answer.Multiple multiple)) {
                violations.add(new Violation(field, "takes a list of option values (multiple choice)"));
                return null;
            }
            Set<BigDecimal> seen = new HashSet<>();
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal value : multiple.values()) {
                var option = item.option(value);
                if (option.isEmpty()) {
                    violations.add(new Violation(field, notAnOption(item, value)));
                    return null;
                }
                if (!seen.add(value.stripTrailingZeros())) {
                    violations.add(new Violation(field, "names option " + plain(value) + " twice"));
                    return null;
                }
                sum = sum.add(option.get().points());
            }
            for (AnswerOption option : item.options()) {
                itemValues.put(item.id() + "." + plain(option.value()),
                        seen.contains(option.value().stripTrailingZeros()) ? BigDecimal.ONE : BigDecimal.ZERO);
            }
            return sum;
        }
        if (!(answer instanceof Answer.Single single)) {
            violations.add(new Violation(field, "takes one option value"));
            return null;
        }
        var option = item.option(single.value());
        if (option.isEmpty()) {
            violations.add(new Violation(field, notAnOption(item, single.value())));
            return null;
        }
        itemValues.put(item.id(), option.get().value());
        return item.keyedPoints(option.get());
    }

    private static InvalidAnswersException tooFewAnswers(Scale scale, List<Item> members,
            Map<String, BigDecimal> points) {
        int needed = Math.max(1, scale.missing().minimum(members.size()));
        String message = "is unanswered, and " + scale.code() + " needs at least " + needed + " of "
                + members.size() + " items answered (" + scale.missing().rule() + "); "
                + members.stream().filter(i -> points.containsKey(i.id())).count() + " were";
        return new InvalidAnswersException(members.stream().filter(i -> !points.containsKey(i.id()))
                .map(i -> new Violation(field(i.id()), message)).toList());
    }

    private static String notAnOption(Item item, BigDecimal value) {
        return plain(value) + " is not one of its options " + item.options().stream()
                .map(o -> plain(o.value())).toList();
    }

    static String field(String itemId) {
        return "answers." + itemId;
    }

    /** 2.0 → "2": option values as they read in keys and messages. */
    public static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}

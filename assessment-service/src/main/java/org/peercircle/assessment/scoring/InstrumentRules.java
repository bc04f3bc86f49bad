package org.peercircle.assessment.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.peercircle.assessment.scoring.Instrument.ItemGroup;
import org.peercircle.assessment.scoring.Scoring.Method;
import org.peercircle.assessment.scoring.Scoring.MissingRule;
import org.peercircle.assessment.scoring.Scoring.Scale;

/**
 * What makes a definition scorable without surprises: unique ids, options on every item, references that resolve, a
 * declared range equal to the range the items can actually produce, missing-item rules that cannot leave that range,
 * and bands inside it without overlap. Built-in and coordinator-defined instruments pass the same checks.
 */
public final class InstrumentRules {

    public static final Pattern CODE = Pattern.compile("^[A-Z][A-Z0-9-]{1,39}$");
    public static final Pattern ITEM_ID = Pattern.compile("^[A-Za-z0-9_-]{1,40}$");
    private static final Pattern SCALE_CODE = Pattern.compile("^[a-z][A-Za-z0-9_]{0,39}$");
    private static final Pattern BAND_CODE = Pattern.compile("^[A-Z][A-Z0-9_]{0,99}$");
    public static final List<String> NAME_LOCALES = List.of("zh-CN", "en");

    private InstrumentRules() {
    }

    public static List<Violation> check(Instrument in) {
        List<Violation> v = new ArrayList<>();
        if (in.code() == null || !CODE.matcher(in.code()).matches()) {
            v.add(new Violation("code", "must be 2–40 capital letters, digits or hyphens, starting with a letter"));
        }
        if (in.version() < 1) {
            v.add(new Violation("version", "must be 1 or more"));
        }
        for (String locale : NAME_LOCALES) {
            if (blank(in.name() == null ? null : in.name().get(locale))) {
                v.add(new Violation("name." + locale, "is required"));
            }
        }
        if (blank(in.source())) {
            v.add(new Violation("source", "is required: where the instrument and its scoring key are published"));
        }
        if (blank(in.licence())) {
            v.add(new Violation("licence", "is required: the terms under which it is used"));
        }
        Set<String> groupIds = new HashSet<>();
        for (int g = 0; g < in.groups().size(); g++) {
            ItemGroup group = in.groups().get(g);
            if (group.id() == null || !ITEM_ID.matcher(group.id()).matches() || !groupIds.add(group.id())) {
                v.add(new Violation("groups[" + g + "].id", "must be a unique id of letters, digits, _ or -"));
            }
        }
        Set<String> subscaleCodes = new HashSet<>();
        if (in.scoring() != null) {
            for (int s = 0; s < in.scoring().subscales().size(); s++) {
                String code = in.scoring().subscales().get(s).code();
                if (code == null || !SCALE_CODE.matcher(code).matches() || Scale.TOTAL.equals(code)
                        || !subscaleCodes.add(code)) {
                    v.add(new Violation("scoring.subscales[" + s + "].code",
                            "must be a unique lower-camel code other than 'total'"));
                }
            }
        }
        checkItems(in, groupIds, subscaleCodes, v);
        if (!v.isEmpty()) {
            return v; // scales cannot be judged on broken items
        }
        Scoring scoring = in.scoring();
        if (scoring == null) {
            v.add(new Violation("scoring", "is required (a total, subscales, or both; neither for a form that is "
                    + "only collected needs an empty object)"));
            return v;
        }
        if (!Scoring.MIRROR.equals(scoring.reverseKeying())) {
            v.add(new Violation("scoring.reverseKeying", "must be MIRROR (lowest + highest − points)"));
        }
        if (scoring.total() != null) {
            checkScale("scoring.total", scoring.total(), in.items().stream().filter(Item::countsInScores).toList(), v);
            if (scoring.total().reliability() != null || scoring.total().norms() != null) {
                v.add(new Violation("scoring.total", "takes no reliability or norms: the instrument's own "
                        + "reliability and norms describe the total"));
            }
        }
        for (int s = 0; s < scoring.subscales().size(); s++) {
            Scale sub = scoring.subscales().get(s);
            List<Item> members = in.items().stream().filter(i -> sub.code().equals(i.subscale())).toList();
            if (members.isEmpty()) {
                v.add(new Violation("scoring.subscales[" + s + "]", "no item belongs to subscale " + sub.code()));
                continue;
            }
            checkScale("scoring.subscales[" + s + "]", sub, members, v);
            checkReliability("scoring.subscales[" + s + "].reliability", sub.reliability(), v);
            checkNorms("scoring.subscales[" + s + "].norms", sub.norms(), v);
        }
        if ((scoring.total() != null || !scoring.subscales().isEmpty()) && in.higherIsWorse() == null) {
            v.add(new Violation("higherIsWorse", "is required for a scored instrument: reporting judges change by it"));
        }
        checkBands(in, v);
        checkReliability("reliability", in.reliability(), v);
        checkNorms("norms", in.norms(), v);
        checkNorms("clinical", in.clinical(), v);
        return v;
    }

    private static void checkItems(Instrument in, Set<String> groupIds, Set<String> subscaleCodes,
            List<Violation> v) {
        if (in.items().isEmpty()) {
            v.add(new Violation("items", "must hold at least one item"));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < in.items().size(); i++) {
            Item item = in.items().get(i);
            String at = "items[" + i + "]";
            if (item.id() == null || !ITEM_ID.matcher(item.id()).matches()) {
                v.add(new Violation(at + ".id", "must be 1–40 letters, digits, _ or -"));
            } else if (!ids.add(item.id())) {
                v.add(new Violation(at + ".id", "duplicates item id " + item.id()));
            }
            if (item.options().size() < (item.multiple() ? 1 : 2)) {
                v.add(new Violation(at + ".options", item.multiple() ? "must hold at least one option"
                        : "must hold at least two options"));
            }
            Set<BigDecimal> values = new HashSet<>();
            for (int o = 0; o < item.options().size(); o++) {
                AnswerOption option = item.options().get(o);
                String oat = at + ".options[" + o + "]";
                if (option.value() == null) {
                    v.add(new Violation(oat + ".value", "is required"));
                } else if (!values.add(option.value().stripTrailingZeros())) {
                    v.add(new Violation(oat + ".value", "duplicates option value " + Scorer.plain(option.value())));
                }
                if (option.label().isEmpty() || option.label().values().stream().anyMatch(InstrumentRules::blank)) {
                    v.add(new Violation(oat + ".label", "needs a label in at least one locale"));
                }
            }
            if (item.reverse() && item.multiple()) {
                v.add(new Violation(at + ".reverse", "a multiple-choice item cannot be reverse keyed"));
            }
            if (!item.countsInScores() && (item.reverse() || item.subscale() != null)) {
                v.add(new Violation(at + ".scored", "an unscored item cannot be reverse keyed or in a subscale"));
            }
            if (item.subscale() != null && !subscaleCodes.contains(item.subscale())) {
                v.add(new Violation(at + ".subscale", "refers to undeclared subscale " + item.subscale()));
            }
            if (item.group() != null && !groupIds.contains(item.group())) {
                v.add(new Violation(at + ".group", "refers to undeclared group " + item.group()));
            }
        }
    }

    private static void checkScale(String at, Scale scale, List<Item> members, List<Violation> v) {
        if (scale.method() == null) {
            v.add(new Violation(at + ".method", "must be SUM or MEAN"));
            return;
        }
        if (members.isEmpty()) {
            v.add(new Violation(at, "has no scored items"));
            return;
        }
        if (scale.range() == null || scale.range().min() == null || scale.range().max() == null) {
            v.add(new Violation(at + ".range", "is required (min and max)"));
            return;
        }
        int precision = scale.precision();
        if (precision < 0 || precision > 4) {
            v.add(new Violation(at + ".decimals", "must lie between 0 and 4"));
            return;
        }
        if (scale.range().min().stripTrailingZeros().scale() > precision
                || scale.range().max().stripTrailingZeros().scale() > precision) {
            v.add(new Violation(at + ".range", "has more decimals than the scale reports (" + precision + ")"));
        }
        MissingRule missing = scale.missing();
        if (missing.rule() == null) {
            v.add(new Violation(at + ".missing.rule", "must be REQUIRE_ALL, PRORATE or SCORE_ANSWERED"));
            return;
        }
        int items = members.size();
        if (missing.rule() != MissingRule.Kind.REQUIRE_ALL
                && (missing.minAnswered() == null || missing.minAnswered() < 1 || missing.minAnswered() > items)) {
            v.add(new Violation(at + ".missing.minAnswered", "must lie between 1 and the scale's " + items
                    + " items"));
            return;
        }
        boolean mayMiss = missing.minimum(items) < items;
        boolean uniform = members.stream().allMatch(i -> i.lowest().compareTo(members.get(0).lowest()) == 0
                && i.highest().compareTo(members.get(0).highest()) == 0);
        BigDecimal lowest;
        BigDecimal highest;
        if (scale.method() == Method.MEAN) {
            if (!uniform) {
                v.add(new Violation(at + ".method", "MEAN needs items that all score over the same range"));
                return;
            }
            lowest = members.get(0).lowest();
            highest = members.get(0).highest();
        } else {
            if (mayMiss && missing.rule() == MissingRule.Kind.PRORATE && !uniform) {
                v.add(new Violation(at + ".missing", "pro-rating a SUM needs items that all score over the same "
                        + "range; otherwise it can leave the declared range"));
                return;
            }
            if (mayMiss && missing.rule() == MissingRule.Kind.SCORE_ANSWERED
                    && members.stream().anyMatch(i -> i.lowest().signum() != 0)) {
                v.add(new Violation(at + ".missing", "SCORE_ANSWERED on a SUM needs items whose lowest score is "
                        + "0; otherwise a missing item moves the score below the declared range"));
                return;
            }
            lowest = members.stream().map(Item::lowest).reduce(BigDecimal.ZERO, BigDecimal::add);
            highest = members.stream().map(Item::highest).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        if (scale.range().min().compareTo(lowest) != 0 || scale.range().max().compareTo(highest) != 0) {
            v.add(new Violation(at + ".range", "declares " + Scorer.plain(scale.range().min()) + "–"
                    + Scorer.plain(scale.range().max()) + " but the items score " + Scorer.plain(lowest) + "–"
                    + Scorer.plain(highest)));
        }
    }

    private static void checkBands(Instrument in, List<Violation> v) {
        if (in.bands().isEmpty()) {
            return;
        }
        Scale total = in.scoring().total();
        if (total == null || total.range() == null) {
            v.add(new Violation("bands", "need a total score"));
            return;
        }
        Set<String> codes = new HashSet<>();
        List<Band> bands = in.bands();
        for (int b = 0; b < bands.size(); b++) {
            Band band = bands.get(b);
            String at = "bands[" + b + "]";
            if (band.code() == null || !BAND_CODE.matcher(band.code()).matches() || !codes.add(band.code())) {
                v.add(new Violation(at + ".code", "must be a unique CAPITAL_CODE"));
            }
            if (band.label() == null || NAME_LOCALES.stream().anyMatch(l -> blank(band.label().get(l)))) {
                v.add(new Violation(at + ".label", "needs zh-CN and en"));
            }
            if (band.min() == null || band.max() == null || band.min().compareTo(band.max()) > 0) {
                v.add(new Violation(at, "needs min ≤ max"));
                continue;
            }
            if (!total.range().contains(band.min()) || !total.range().contains(band.max())) {
                v.add(new Violation(at, "lies outside the total's range " + Scorer.plain(total.range().min()) + "–"
                        + Scorer.plain(total.range().max())));
            }
            for (int other = 0; other < b; other++) {
                Band earlier = bands.get(other);
                if (earlier.min() != null && earlier.max() != null && band.min().compareTo(earlier.max()) <= 0
                        && earlier.min().compareTo(band.max()) <= 0) {
                    v.add(new Violation(at, "overlaps band " + earlier.code()));
                }
            }
        }
    }

    private static void checkReliability(String at, BigDecimal reliability, List<Violation> v) {
        if (reliability != null && (reliability.signum() <= 0 || reliability.compareTo(BigDecimal.ONE) > 0)) {
            v.add(new Violation(at, "must lie in (0, 1]"));
        }
    }

    private static void checkNorms(String at, Instrument.Norms norms, List<Violation> v) {
        if (norms != null && norms.sd() != null && norms.sd().signum() <= 0) {
            v.add(new Violation(at + ".sd", "must be positive"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

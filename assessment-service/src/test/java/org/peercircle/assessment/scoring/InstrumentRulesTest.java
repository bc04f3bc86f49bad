package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peercircle.assessment.scoring.InstrumentJson.UnreadableDefinitionException;

/** Definitions that would score wrongly or ambiguously are refused, each problem named by its JSON path. */
class InstrumentRulesTest {

    /** A valid three-item scale; tests replace one fragment at a time. */
    static final String VALID = """
            {"code": "MOOD-3", "version": 1, "name": {"zh-CN": "心情", "en": "Mood"},
             "source": "ours", "licence": "ours",
             "groups": [{"id": "g"}],
             "optionSets": {"freq": [{"value": 1, "label": {"en": "Never"}}, {"value": 2, "label": {"en": "Sometimes"}},
                                     {"value": 3, "label": {"en": "Often"}}]},
             "items": [{"id": "1", "optionSet": "freq", "subscale": "a", "reverse": true},
                       {"id": "2", "optionSet": "freq", "subscale": "a", "group": "g"},
                       {"id": "3", "optionSet": "freq"}],
             "scoring": {"reverseKeying": "MIRROR",
                         "total": {"code": "total", "method": "SUM", "range": {"min": 3, "max": 9},
                                   "missing": {"rule": "PRORATE", "minAnswered": 2}},
                         "subscales": [{"code": "a", "method": "SUM", "range": {"min": 2, "max": 6}}]},
             "higherIsWorse": true, "reliability": 0.8,
             "bands": [{"code": "LOW", "label": {"zh-CN": "低", "en": "Low"}, "min": 3, "max": 5},
                       {"code": "HIGH", "label": {"zh-CN": "高", "en": "High"}, "min": 6, "max": 9}]}
            """;

    static List<String> fieldsOf(String json) {
        try {
            InstrumentJson.read(json);
        } catch (UnreadableDefinitionException e) {
            return e.violations().stream().map(Violation::field).toList();
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void theValidDefinitionIsReadWithItsOptionSetsExpanded() {
        Instrument mood = InstrumentJson.read(VALID);
        assertThat(mood.items()).allSatisfy(i -> assertThat(i.options()).hasSize(3));
        assertThat(InstrumentJson.write(mood)).doesNotContain("optionSet");
        assertThat(InstrumentJson.read(InstrumentJson.write(mood))).isEqualTo(mood);
    }

    @Test
    void aMisspeltPropertyIsAnErrorNotIgnored() {
        assertThat(fieldsOf(VALID.replace("\"reverse\": true", "\"reversed\": true"))).containsExactly("items[0].reversed");
    }

    @Test
    void duplicateItemIdsAndMissingOptions() {
        assertThat(fieldsOf(VALID.replace("{\"id\": \"3\", \"optionSet\": \"freq\"}", "{\"id\": \"2\", \"options\": []}")))
                .containsExactlyInAnyOrder("items[2].id", "items[2].options");
    }

    @Test
    void duplicateOptionValues() {
        assertThat(fieldsOf(VALID.replace("{\"value\": 2, \"label\"", "{\"value\": 1.0, \"label\"")))
                .contains("items[0].options[1].value");
    }

    @Test
    void undeclaredSubscaleGroupOrOptionSet() {
        assertThat(fieldsOf(VALID.replace("\"subscale\": \"a\", \"group\": \"g\"", "\"subscale\": \"b\", \"group\": \"h\"")))
                .containsExactlyInAnyOrder("items[1].subscale", "items[1].group");
        assertThat(fieldsOf(VALID.replace("{\"id\": \"3\", \"optionSet\": \"freq\"}", "{\"id\": \"3\", \"optionSet\": \"nope\"}")))
                .containsExactly("items[2].optionSet");
    }

    @Test
    void aDeclaredRangeThatTheItemsCannotProduce() {
        assertThat(fieldsOf(VALID.replace("\"range\": {\"min\": 3, \"max\": 9}", "\"range\": {\"min\": 3, \"max\": 10}")))
                .contains("scoring.total.range");
    }

    @Test
    void bandsOutsideTheRangeOrOverlapping() {
        assertThat(fieldsOf(VALID.replace("\"min\": 6, \"max\": 9}", "\"min\": 6, \"max\": 12}"))).containsExactly("bands[1]");
        assertThat(fieldsOf(VALID.replace("\"min\": 6, \"max\": 9}", "\"min\": 5, \"max\": 9}"))).containsExactly("bands[1]");
    }

    @Test
    void proRatingItemsOfDifferentRangesCouldLeaveTheRange() {
        String wider = VALID.replace("{\"id\": \"3\", \"optionSet\": \"freq\"}",
                "{\"id\": \"3\", \"options\": [{\"value\": 0, \"label\": {\"en\": \"0\"}}, "
                        + "{\"value\": 9, \"label\": {\"en\": \"9\"}}]}")
                .replace("\"range\": {\"min\": 3, \"max\": 9}", "\"range\": {\"min\": 2, \"max\": 15}");
        assertThat(fieldsOf(wider)).containsExactly("scoring.total.missing");
        assertThat(InstrumentJson.read(wider.replace("\"rule\": \"PRORATE\", \"minAnswered\": 2",
                "\"rule\": \"REQUIRE_ALL\"")).scoring().total().range().max()).isEqualByComparingTo("15");
    }

    @Test
    void scoringAnsweredOnlyNeedsItemsThatCanScoreZero() {
        assertThat(fieldsOf(VALID.replace("\"rule\": \"PRORATE\"", "\"rule\": \"SCORE_ANSWERED\"")))
                .containsExactly("scoring.total.missing");
    }

    @Test
    void minAnsweredMustFitTheScale() {
        assertThat(fieldsOf(VALID.replace("\"minAnswered\": 2", "\"minAnswered\": 4")))
                .containsExactly("scoring.total.missing.minAnswered");
    }

    @Test
    void requiredTopLevelFields() {
        assertThat(fieldsOf(VALID.replace("\"source\": \"ours\", \"licence\": \"ours\",", "")))
                .containsExactlyInAnyOrder("source", "licence");
        assertThat(fieldsOf(VALID.replace("\"en\": \"Mood\"", "\"fr\": \"Humeur\""))).containsExactly("name.en");
        assertThat(fieldsOf(VALID.replace("\"code\": \"MOOD-3\"", "\"code\": \"mood 3\""))).containsExactly("code");
        assertThat(fieldsOf(VALID.replace("\"higherIsWorse\": true,", ""))).containsExactly("higherIsWorse");
        assertThat(fieldsOf(VALID.replace("\"reliability\": 0.8", "\"reliability\": 1.2"))).containsExactly("reliability");
    }

    @Test
    void aSubscaleMayDeclareItsReliabilityAndNormsTheTotalTakesTheInstruments() {
        String subscale = "{\"code\": \"a\", \"method\": \"SUM\", \"range\": {\"min\": 2, \"max\": 6}";
        Instrument mood = InstrumentJson.read(VALID.replace(subscale,
                subscale + ", \"reliability\": 0.7, \"norms\": {\"mean\": 3.5, \"sd\": 1.2}"));
        assertThat(mood.scoring().subscale("a").orElseThrow().reliability()).isEqualByComparingTo("0.7");
        assertThat(mood.scoring().subscale("a").orElseThrow().norms().sd()).isEqualByComparingTo("1.2");

        assertThat(fieldsOf(VALID.replace(subscale, subscale + ", \"reliability\": 0, \"norms\": {\"sd\": -1}")))
                .containsExactlyInAnyOrder("scoring.subscales[0].reliability", "scoring.subscales[0].norms.sd");
        assertThat(fieldsOf(VALID.replace("\"missing\": {\"rule\": \"PRORATE\", \"minAnswered\": 2}",
                "\"missing\": {\"rule\": \"PRORATE\", \"minAnswered\": 2}, \"reliability\": 0.9")))
                .containsExactly("scoring.total");
    }

    @Test
    void aMultipleChoiceItemCannotBeReverseKeyed() {
        assertThat(fieldsOf(VALID.replace("\"reverse\": true", "\"reverse\": true, \"multiple\": true")))
                .contains("items[0].reverse");
    }

    @Test
    void notAnObject() {
        assertThatThrownBy(() -> InstrumentJson.read("[1, 2]")).isInstanceOf(UnreadableDefinitionException.class);
    }
}

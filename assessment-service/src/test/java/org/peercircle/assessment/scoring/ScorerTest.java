package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Rules of the scorer that hold for any instrument. */
class ScorerTest {

    static final Instrument MOOD = InstrumentJson.read(InstrumentRulesTest.VALID);

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThatThrownBy(() -> Scorer.score(MOOD, Map.of("1", Answer.of(4), "2", Answer.choices(1), "9", Answer.of(1))))
                .isInstanceOf(InvalidAnswersException.class)
                .satisfies(e -> assertThat(Sheets.fields(e)).containsExactlyInAnyOrder("answers.1", "answers.2",
                        "answers.9"));
    }

    @Test
    void reverseKeyingMirrorsTheItemsOwnRange() {
        // item 1 reversed: 1 → 3, 3 → 1
        assertThat(Scorer.score(MOOD, Map.of("1", Answer.of(1), "2", Answer.of(1), "3", Answer.of(1))).total())
                .isEqualByComparingTo("5");
        assertThat(Scorer.score(MOOD, Map.of("1", Answer.of(3), "2", Answer.of(1), "3", Answer.of(1))).total())
                .isEqualByComparingTo("3");
        assertThat(MOOD.item("1").orElseThrow().keyedPoints(MOOD.item("1").orElseThrow().options().get(0)))
                .isEqualByComparingTo("3");
    }

    @Test
    void aValueWrittenWithDecimalsIsTheSameOption() {
        var r = Scorer.score(MOOD, Map.of("1", new Answer.Single(new BigDecimal("2.0")), "2", Answer.of(2), "3",
                Answer.of(2)));
        assertThat(r.total()).isEqualByComparingTo("6");
        assertThat(r.itemValues().get("1")).isEqualByComparingTo("2");
    }

    @Test
    void theTotalIsReportedAtTheScalePrecision() {
        var r = Scorer.score(MOOD, Map.of("1", Answer.of(2), "2", Answer.of(3)));
        // 5 × 3 / 2 = 7.5 → 8 (half up, 0 decimals)
        assertThat(r.total()).isEqualByComparingTo("8").hasScaleOf(0);
        assertThat(r.bandCode()).isEqualTo("HIGH");
        assertThat(r.prorated()).isTrue();
    }

    @Test
    void nothingAnsweredIsRefused() {
        assertThatThrownBy(() -> Scorer.score(MOOD, Map.of())).isInstanceOf(InvalidAnswersException.class)
                .satisfies(e -> assertThat(Sheets.fields(e)).containsExactly("answers.1", "answers.2", "answers.3"));
    }
}

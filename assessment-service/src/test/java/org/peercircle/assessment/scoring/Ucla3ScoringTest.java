package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.assessment.scoring.Sheets.builtIn;
import static org.peercircle.assessment.scoring.Sheets.numbered;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** UCLA-3: three items 1–3, summed to 3–9, 6 or more is lonely; every item required. */
class Ucla3ScoringTest {

    @Test
    void sumsTheThreeItemsWithoutReverseKeying() {
        assertThat(builtIn("UCLA-3").items()).noneMatch(Item::reverse);
        ScoreResult r = numbered(1, 3, 2).scoredBy("UCLA-3");
        assertThat(r.total()).isEqualByComparingTo("6");
        assertThat(r.prorated()).isFalse();
        assertThat(r.subscales()).isEmpty();
        assertThat(r.itemValues()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                "1", BigDecimal.ONE, "2", BigDecimal.valueOf(3), "3", BigDecimal.valueOf(2)));
    }

    @Test
    void bandEdges() {
        assertThat(numbered(1, 1, 1).scoredBy("UCLA-3").bandCode()).isEqualTo("NOT_LONELY");
        assertThat(numbered(1, 2, 2).scoredBy("UCLA-3").total()).isEqualByComparingTo("5");
        assertThat(numbered(1, 2, 2).scoredBy("UCLA-3").bandCode()).isEqualTo("NOT_LONELY");
        assertThat(numbered(2, 2, 2).scoredBy("UCLA-3").bandCode()).isEqualTo("LONELY");
        assertThat(numbered(3, 3, 3).scoredBy("UCLA-3").total()).isEqualByComparingTo("9");
        assertThat(numbered(3, 3, 3).scoredBy("UCLA-3").bandCode()).isEqualTo("LONELY");
    }

    @Test
    void aMissingItemIsRefusedNamingIt() {
        numbered(2, 2).refusedBy("UCLA-3")
                .satisfies(e -> assertThat(Sheets.fields(e)).containsExactly("answers.3"));
    }

    @Test
    void aValueOutsideTheOptionsIsRefused() {
        numbered(2, 4, 1).refusedBy("UCLA-3").satisfies(e -> assertThat(Sheets.fields(e)).containsExactly("answers.2"))
                .hasMessageContaining("4 is not one of its options [1, 2, 3]");
    }
}

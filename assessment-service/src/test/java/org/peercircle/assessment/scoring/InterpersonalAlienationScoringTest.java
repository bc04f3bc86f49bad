package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.assessment.scoring.Sheets.builtIn;
import static org.peercircle.assessment.scoring.Sheets.numbered;

import org.junit.jupiter.api.Test;

/** ALIENATION-7: seven Likert items 1–5 summed to 7–35, higher is more alienated; pro-rated with one item missing. */
class InterpersonalAlienationScoringTest {

    @Test
    void version1ReverseKeysNothingAndShipsNoWording() {
        Instrument ipa = builtIn("ALIENATION-7");
        assertThat(ipa.items()).hasSize(7).noneMatch(Item::reverse);
        assertThat(ipa.shipsItemText()).isFalse();
        assertThat(ipa.worseWhenHigher()).isTrue();
    }

    @Test
    void sumsTheSevenItems() {
        assertThat(numbered(1, 1, 1, 1, 1, 1, 1).scoredBy("ALIENATION-7").total()).isEqualByComparingTo("7");
        assertThat(numbered(5, 5, 5, 5, 5, 5, 5).scoredBy("ALIENATION-7").total()).isEqualByComparingTo("35");
        assertThat(numbered(1, 2, 3, 4, 5, 1, 2).scoredBy("ALIENATION-7").total()).isEqualByComparingTo("18");
    }

    @Test
    void oneMissingItemIsProRatedTwoAreRefused() {
        // 6 answered, sum 20: 20 × 7 / 6 = 23.33 → 23
        ScoreResult r = numbered(3, 3, 3, 4, 4, 3).scoredBy("ALIENATION-7");
        assertThat(r.total()).isEqualByComparingTo("23");
        assertThat(r.prorated()).isTrue();
        numbered(3, 3, 3, 4, 4).refusedBy("ALIENATION-7")
                .satisfies(e -> assertThat(Sheets.fields(e)).containsExactly("answers.6", "answers.7"));
    }
}

package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.assessment.scoring.Sheets.builtIn;
import static org.peercircle.assessment.scoring.Sheets.numbered;

import org.junit.jupiter.api.Test;

/** GSE-10: ten items 1–4 summed to 10–40, higher is better; pro-rated with up to three items missing. */
class GeneralSelfEfficacyScoringTest {

    @Test
    void sumsAllTenItemsWithoutReverseKeying() {
        assertThat(builtIn("GSE-10").items()).hasSize(10).noneMatch(Item::reverse);
        assertThat(builtIn("GSE-10").worseWhenHigher()).isFalse();
        assertThat(numbered(1, 1, 1, 1, 1, 1, 1, 1, 1, 1).scoredBy("GSE-10").total()).isEqualByComparingTo("10");
        assertThat(numbered(4, 4, 4, 4, 4, 4, 4, 4, 4, 4).scoredBy("GSE-10").total()).isEqualByComparingTo("40");
        ScoreResult mixed = numbered(1, 2, 3, 4, 1, 2, 3, 4, 1, 2).scoredBy("GSE-10");
        assertThat(mixed.total()).isEqualByComparingTo("23");
        assertThat(mixed.prorated()).isFalse();
        assertThat(mixed.band()).isNull();
    }

    @Test
    void oneMissingItemIsProRated() {
        // 9 answered, sum 27: 27 × 10 / 9 = 30
        ScoreResult r = numbered(3, 3, 3, 3, 3, 3, 3, 3, 3, 3).without("10").scoredBy("GSE-10");
        assertThat(r.total()).isEqualByComparingTo("30");
        assertThat(r.prorated()).isTrue();
    }

    @Test
    void proRatingRoundsHalfUp() {
        // 8 answered, sum 18: 18 × 10 / 8 = 22.5 → 23
        ScoreResult half = numbered(2, 2, 2, 2, 2, 2, 3, 3).scoredBy("GSE-10");
        assertThat(half.total()).isEqualByComparingTo("23");
        // 7 answered, sum 17: 17 × 10 / 7 = 24.29 → 24, the fewest answers allowed
        ScoreResult fewest = numbered(2, 2, 2, 2, 3, 3, 3).scoredBy("GSE-10");
        assertThat(fewest.total()).isEqualByComparingTo("24");
        assertThat(fewest.prorated()).isTrue();
    }

    @Test
    void fourMissingItemsAreRefusedNamingThem() {
        numbered(2, 2, 2, 2, 2, 2).refusedBy("GSE-10").satisfies(e -> assertThat(Sheets.fields(e))
                .containsExactly("answers.7", "answers.8", "answers.9", "answers.10"));
    }
}

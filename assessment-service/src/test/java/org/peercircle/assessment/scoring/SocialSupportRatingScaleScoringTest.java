package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.assessment.scoring.Sheets.builtIn;
import static org.peercircle.assessment.scoring.Sheets.sheet;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.peercircle.assessment.scoring.Sheets.Sheet;

/**
 * SSRS (肖水源): items 1–4 and 8–10 score 1–4; item 5 sums its five family members (1–4 each); items 6 and 7 count
 * the sources named (0 for none); objective = 2, 6, 7; subjective = 1, 3, 4, 5; utilisation = 8, 9, 10.
 */
class SocialSupportRatingScaleScoringTest {

    static Sheet form(int i1, int i2, int i3, int i4, int[] family, int[] sources6, int[] sources7, int i8, int i9,
            int i10) {
        Sheet s = sheet().put("1", i1).put("2", i2).put("3", i3).put("4", i4);
        String[] members = { "5A", "5B", "5C", "5D", "5E" };
        for (int m = 0; m < 5; m++) {
            s.put(members[m], family[m]);
        }
        return s.choose("6", sources6).choose("7", sources7).put("8", i8).put("9", i9).put("10", i10);
    }

    static int[] of(int... values) {
        return values;
    }

    static Sheet lowest() {
        return form(1, 1, 1, 1, of(1, 1, 1, 1, 1), of(), of(), 1, 1, 1);
    }

    static Sheet highest() {
        return form(4, 4, 4, 4, of(4, 4, 4, 4, 4), of(1, 2, 3, 4, 5, 6, 7, 8, 9), of(1, 2, 3, 4, 5, 6, 7, 8, 9), 4, 4, 4);
    }

    @Test
    void aWorkedForm() {
        // objective 4 + 3 + 2 = 9; subjective 3 + 2 + 3 + (4+1+3+2+1) = 19; utilisation 2 + 3 + 1 = 6; total 34
        ScoreResult r = form(3, 4, 2, 3, of(4, 1, 3, 2, 1), of(1, 2, 3), of(1, 4), 2, 3, 1).scoredBy("SSRS");
        assertThat(r.subscales().get("objective")).isEqualByComparingTo("9");
        assertThat(r.subscales().get("subjective")).isEqualByComparingTo("19");
        assertThat(r.subscales().get("utilisation")).isEqualByComparingTo("6");
        assertThat(r.total()).isEqualByComparingTo("34");
        assertThat(r.bandCode()).isEqualTo("MODERATE");
    }

    @Test
    void lowestAndHighestPossibleForms() {
        ScoreResult low = lowest().scoredBy("SSRS");
        assertThat(low.total()).isEqualByComparingTo("12");
        assertThat(low.subscales()).containsEntry("objective", new BigDecimal("1"))
                .containsEntry("subjective", new BigDecimal("8")).containsEntry("utilisation", new BigDecimal("3"));
        ScoreResult high = highest().scoredBy("SSRS");
        assertThat(high.total()).isEqualByComparingTo("66");
        assertThat(high.subscales()).containsEntry("objective", new BigDecimal("22"))
                .containsEntry("subjective", new BigDecimal("32")).containsEntry("utilisation", new BigDecimal("12"));
    }

    @Test
    void itemsSixAndSevenCountTheSourcesNamed() {
        BigDecimal none = lowest().scoredBy("SSRS").subscales().get("objective");
        assertThat(lowest().choose("6", 9).scoredBy("SSRS").subscales().get("objective"))
                .isEqualByComparingTo(none.add(BigDecimal.ONE));
        assertThat(lowest().choose("6", 1, 5, 9).choose("7", 2, 3).scoredBy("SSRS").subscales().get("objective"))
                .isEqualByComparingTo(none.add(BigDecimal.valueOf(5)));
    }

    @Test
    void itemValuesGiveEachSourceAsZeroOrOne() {
        ScoreResult r = lowest().choose("6", 2, 4).scoredBy("SSRS");
        assertThat(r.itemValues()).containsEntry("6.2", BigDecimal.ONE).containsEntry("6.4", BigDecimal.ONE)
                .containsEntry("6.1", BigDecimal.ZERO).containsEntry("6.9", BigDecimal.ZERO)
                .containsEntry("5A", BigDecimal.ONE).doesNotContainKey("6");
        assertThat(r.itemValues().keySet().stream().filter(k -> k.startsWith("7."))).hasSize(9);
    }

    @Test
    void bandEdges() {
        Sheet twentyTwo = lowest().choose("6", 1, 2, 3, 4, 5).choose("7", 1, 2, 3, 4, 5);
        assertThat(twentyTwo.scoredBy("SSRS").total()).isEqualByComparingTo("22");
        assertThat(twentyTwo.scoredBy("SSRS").bandCode()).isEqualTo("LOW");
        assertThat(twentyTwo.choose("7", 1, 2, 3, 4, 5, 6).scoredBy("SSRS").bandCode()).isEqualTo("MODERATE");
        Sheet fortyFour = highest().choose("6").choose("7").put("8", 3).put("9", 3).put("10", 2);
        assertThat(fortyFour.scoredBy("SSRS").total()).isEqualByComparingTo("44");
        assertThat(fortyFour.scoredBy("SSRS").bandCode()).isEqualTo("MODERATE");
        ScoreResult fortyFive = fortyFour.put("10", 3).scoredBy("SSRS");
        assertThat(fortyFive.total()).isEqualByComparingTo("45");
        assertThat(fortyFive.bandCode()).isEqualTo("HIGH");
    }

    @Test
    void everyItemAndFamilyMemberIsRequiredAndNoSourceIsAnEmptyList() {
        lowest().without("5C").refusedBy("SSRS").satisfies(e -> assertThat(Sheets.fields(e)).containsExactly("answers.5C"));
        lowest().without("6").refusedBy("SSRS").satisfies(e -> assertThat(Sheets.fields(e)).containsExactly("answers.6"));
    }

    @Test
    void malformedSourceListsAreRefused() {
        lowest().choose("6", 2, 2).refusedBy("SSRS").hasMessageContaining("names option 2 twice");
        lowest().choose("7", 10).refusedBy("SSRS").hasMessageContaining("10 is not one of its options");
        lowest().put("6", 3).refusedBy("SSRS").hasMessageContaining("takes a list of option values");
        lowest().choose("1", 3).refusedBy("SSRS").hasMessageContaining("takes one option value");
    }

    @Test
    void itemFiveIsOneGroupOfFiveFamilyMembers() {
        assertThat(builtIn("SSRS").items().stream().filter(i -> "5".equals(i.group())).map(Item::id))
                .containsExactly("5A", "5B", "5C", "5D", "5E");
        assertThat(builtIn("SSRS").shipsItemText()).isFalse();
    }
}

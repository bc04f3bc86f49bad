package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.assessment.scoring.Sheets.builtIn;
import static org.peercircle.assessment.scoring.Sheets.sheet;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.peercircle.assessment.scoring.Sheets.Sheet;

/**
 * De Jong Gierveld scales, answer codes as in the manual (1 = no, 2 = more or less, 3 = yes): emotional items score 1
 * for "more or less" and "yes", social items 1 for "more or less" and "no".
 */
class DeJongGierveldScoringTest {

    static final int NO = 1;
    static final int MORE_OR_LESS = 2;
    static final int YES = 3;

    /** Everyone answers as a person who is not lonely: emotional items "no", social items "yes". */
    static Sheet notLonely(List<String> emotional, List<String> social) {
        Sheet sheet = sheet();
        emotional.forEach(id -> sheet.put(id, NO));
        social.forEach(id -> sheet.put(id, YES));
        return sheet;
    }

    @Nested
    class SixItems {

        final List<String> emotional = List.of("1", "4", "6");
        final List<String> social = List.of("2", "3", "5");

        @Test
        void subscalesAreAsPublished() {
            assertThat(builtIn("DJG-6").items()).allSatisfy(item -> assertThat(item.subscale())
                    .isEqualTo(emotional.contains(item.id()) ? "emotional" : "social"));
        }

        @Test
        void notLonelyScoresZero() {
            ScoreResult r = notLonely(emotional, social).scoredBy("DJG-6");
            assertThat(r.total()).isEqualByComparingTo("0");
            assertThat(r.subscales()).containsOnlyKeys("emotional", "social");
            assertThat(r.bandCode()).isEqualTo("NOT_LONELY");
        }

        @ParameterizedTest
        @ValueSource(strings = { "1", "4", "6" })
        void anEmotionalItemScoresOneForYesAndForMoreOrLessButNotForNo(String item) {
            assertThat(notLonely(emotional, social).put(item, YES).scoredBy("DJG-6").subscales().get("emotional"))
                    .isEqualByComparingTo("1");
            assertThat(notLonely(emotional, social).put(item, MORE_OR_LESS).scoredBy("DJG-6").total())
                    .isEqualByComparingTo("1");
            assertThat(notLonely(emotional, social).put(item, NO).scoredBy("DJG-6").total()).isEqualByComparingTo("0");
        }

        @ParameterizedTest
        @ValueSource(strings = { "2", "3", "5" })
        void aSocialItemScoresOneForNoAndForMoreOrLessButNotForYes(String item) {
            assertThat(notLonely(emotional, social).put(item, NO).scoredBy("DJG-6").subscales().get("social"))
                    .isEqualByComparingTo("1");
            assertThat(notLonely(emotional, social).put(item, MORE_OR_LESS).scoredBy("DJG-6").total())
                    .isEqualByComparingTo("1");
            assertThat(notLonely(emotional, social).put(item, YES).scoredBy("DJG-6").total()).isEqualByComparingTo("0");
        }

        @Test
        void allYesIsEmotionallyButNotSociallyLonely() {
            ScoreResult r = Sheets.numbered(YES, YES, YES, YES, YES, YES).scoredBy("DJG-6");
            assertThat(r.subscales().get("emotional")).isEqualByComparingTo("3");
            assertThat(r.subscales().get("social")).isEqualByComparingTo("0");
            assertThat(r.total()).isEqualByComparingTo("3");
            assertThat(r.bandCode()).isEqualTo("MODERATELY_LONELY");
        }

        @Test
        void bandEdges() {
            assertThat(notLonely(emotional, social).put("1", YES).scoredBy("DJG-6").bandCode()).isEqualTo("NOT_LONELY");
            assertThat(notLonely(emotional, social).put("1", YES).put("2", NO).scoredBy("DJG-6").bandCode())
                    .isEqualTo("MODERATELY_LONELY");
            ScoreResult four = notLonely(emotional, social).put("1", YES).put("4", YES).put("6", YES).put("2", NO)
                    .scoredBy("DJG-6");
            assertThat(four.total()).isEqualByComparingTo("4");
            assertThat(four.bandCode()).isEqualTo("MODERATELY_LONELY");
            ScoreResult five = notLonely(emotional, social).put("1", YES).put("4", YES).put("6", YES).put("2", NO)
                    .put("3", MORE_OR_LESS).scoredBy("DJG-6");
            assertThat(five.total()).isEqualByComparingTo("5");
            assertThat(five.bandCode()).isEqualTo("SEVERELY_LONELY");
            ScoreResult six = Sheets.numbered(2, 2, 2, 2, 2, 2).scoredBy("DJG-6");
            assertThat(six.total()).isEqualByComparingTo("6");
            assertThat(six.bandCode()).isEqualTo("SEVERELY_LONELY");
        }

        @Test
        void oneMissingItemCountsNothingAndDropsOnlyItsSubscale() {
            ScoreResult r = Sheets.numbered(2, 2, 2, 2, 2, 2).without("4").scoredBy("DJG-6");
            assertThat(r.total()).isEqualByComparingTo("5");
            assertThat(r.prorated()).isFalse();
            assertThat(r.subscales()).containsOnlyKeys("social");
            assertThat(r.subscales().get("social")).isEqualByComparingTo("3");
            assertThat(r.bandCode()).isEqualTo("SEVERELY_LONELY");
        }

        @Test
        void twoMissingItemsAreRefusedNamingBoth() {
            Sheets.numbered(2, 2, 2, 2, 2, 2).without("2", "6").refusedBy("DJG-6")
                    .satisfies(e -> assertThat(Sheets.fields(e)).containsExactlyInAnyOrder("answers.2", "answers.6"));
        }
    }

    @Nested
    class ElevenItems {

        final List<String> emotional = List.of("2", "3", "5", "6", "9", "10");
        final List<String> social = List.of("1", "4", "7", "8", "11");

        @Test
        void subscalesAreAsPublished() {
            assertThat(builtIn("DJG-11").items()).allSatisfy(item -> assertThat(item.subscale())
                    .isEqualTo(emotional.contains(item.id()) ? "emotional" : "social"));
        }

        @ParameterizedTest
        @ValueSource(strings = { "2", "3", "5", "6", "9", "10" })
        void everyEmotionalItemIsKeyedYesAndMoreOrLess(String item) {
            assertThat(notLonely(emotional, social).put(item, YES).scoredBy("DJG-11").subscales().get("emotional"))
                    .isEqualByComparingTo("1");
            assertThat(notLonely(emotional, social).put(item, MORE_OR_LESS).scoredBy("DJG-11").total())
                    .isEqualByComparingTo("1");
        }

        @ParameterizedTest
        @ValueSource(strings = { "1", "4", "7", "8", "11" })
        void everySocialItemIsKeyedNoAndMoreOrLess(String item) {
            assertThat(notLonely(emotional, social).put(item, NO).scoredBy("DJG-11").subscales().get("social"))
                    .isEqualByComparingTo("1");
            assertThat(notLonely(emotional, social).put(item, MORE_OR_LESS).scoredBy("DJG-11").total())
                    .isEqualByComparingTo("1");
        }

        @Test
        void allYesAndAllNo() {
            ScoreResult yes = Sheets.numbered(3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3).scoredBy("DJG-11");
            assertThat(yes.total()).isEqualByComparingTo("6");
            assertThat(yes.subscales().get("emotional")).isEqualByComparingTo("6");
            assertThat(yes.subscales().get("social")).isEqualByComparingTo("0");
            ScoreResult no = Sheets.numbered(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1).scoredBy("DJG-11");
            assertThat(no.total()).isEqualByComparingTo("5");
            assertThat(no.subscales().get("emotional")).isEqualByComparingTo("0");
            assertThat(no.subscales().get("social")).isEqualByComparingTo("5");
        }

        @Test
        void bandEdges() {
            Sheet base = notLonely(emotional, social);
            assertThat(base.put("2", YES).put("3", YES).scoredBy("DJG-11").bandCode()).isEqualTo("NOT_LONELY");
            assertThat(base.put("5", YES).scoredBy("DJG-11").bandCode()).isEqualTo("MODERATELY_LONELY");
            Sheet eight = notLonely(emotional, social);
            emotional.forEach(id -> eight.put(id, YES));
            eight.put("1", NO).put("4", NO);
            assertThat(eight.scoredBy("DJG-11").total()).isEqualByComparingTo("8");
            assertThat(eight.scoredBy("DJG-11").bandCode()).isEqualTo("MODERATELY_LONELY");
            assertThat(eight.put("7", NO).scoredBy("DJG-11").bandCode()).isEqualTo("SEVERELY_LONELY");
            assertThat(eight.put("8", NO).scoredBy("DJG-11").total()).isEqualByComparingTo("10");
            assertThat(eight.scoredBy("DJG-11").bandCode()).isEqualTo("SEVERELY_LONELY");
            ScoreResult eleven = eight.put("11", MORE_OR_LESS).scoredBy("DJG-11");
            assertThat(eleven.total()).isEqualByComparingTo("11");
            assertThat(eleven.bandCode()).isEqualTo("VERY_SEVERELY_LONELY");
        }

        @Test
        void oneMissingItemCountsNothingTwoAreRefused() {
            ScoreResult r = Sheets.numbered(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2).without("11").scoredBy("DJG-11");
            assertThat(r.total()).isEqualByComparingTo("10");
            assertThat(r.prorated()).isFalse();
            assertThat(r.subscales()).containsOnlyKeys("emotional");
            Sheets.numbered(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2).without("1", "2").refusedBy("DJG-11")
                    .satisfies(e -> assertThat(Sheets.fields(e)).containsExactlyInAnyOrder("answers.1", "answers.2"));
        }
    }
}

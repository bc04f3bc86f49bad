package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.assessment.scoring.Sheets.builtIn;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peercircle.assessment.scoring.Sheets.Sheet;

/**
 * GDS-15: yes = 1, no = 0; items 1, 5, 7, 11, 13 reverse keyed; bands 0–4, 5–8, 9–11, 12–15; pro-rated from 12
 * answered items.
 */
class Gds15ScoringTest {

    static final int YES = 1;
    static final int NO = 0;
    static final Set<String> REVERSED = Set.of("1", "5", "7", "11", "13");

    /** The answers of someone with no depressive symptoms: "yes" to the reversed items, "no" to the others. */
    static Sheet symptomFree() {
        Sheet sheet = Sheets.sheet();
        for (int i = 1; i <= 15; i++) {
            String id = String.valueOf(i);
            sheet.put(id, REVERSED.contains(id) ? YES : NO);
        }
        return sheet;
    }

    /** Symptom-free, then the first {@code n} items (in order) answered the depressive way. */
    static Sheet withSymptoms(int n) {
        Sheet sheet = symptomFree();
        for (int i = 1; i <= n; i++) {
            String id = String.valueOf(i);
            sheet.put(id, REVERSED.contains(id) ? NO : YES);
        }
        return sheet;
    }

    @Test
    void theReverseItemsAreExactlyThePublishedOnes() {
        assertThat(builtIn("GDS-15").items().stream().filter(Item::reverse).map(Item::id))
                .containsExactlyInAnyOrderElementsOf(REVERSED);
    }

    @Test
    void symptomFreeScoresZero() {
        ScoreResult r = symptomFree().scoredBy("GDS-15");
        assertThat(r.total()).isEqualByComparingTo("0");
        assertThat(r.bandCode()).isEqualTo("NORMAL");
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "5", "7", "11", "13" })
    void aReversedItemScoresOneForNo(String item) {
        assertThat(symptomFree().put(item, NO).scoredBy("GDS-15").total()).isEqualByComparingTo("1");
    }

    @ParameterizedTest
    @ValueSource(strings = { "2", "3", "4", "6", "8", "9", "10", "12", "14", "15" })
    void anOrdinaryItemScoresOneForYes(String item) {
        assertThat(symptomFree().put(item, YES).scoredBy("GDS-15").total()).isEqualByComparingTo("1");
    }

    @Test
    void allYesAndAllNo() {
        assertThat(Sheets.numbered(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1).scoredBy("GDS-15").total())
                .isEqualByComparingTo("10");
        assertThat(Sheets.numbered(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).scoredBy("GDS-15").total())
                .isEqualByComparingTo("5");
    }

    @Test
    void bandEdges() {
        record Edge(int symptoms, String band) {
        }
        for (Edge edge : List.of(new Edge(4, "NORMAL"), new Edge(5, "MILD"), new Edge(8, "MILD"),
                new Edge(9, "MODERATE"), new Edge(11, "MODERATE"), new Edge(12, "SEVERE"), new Edge(15, "SEVERE"))) {
            ScoreResult r = withSymptoms(edge.symptoms()).scoredBy("GDS-15");
            assertThat(r.total()).as("%d symptoms", edge.symptoms()).isEqualByComparingTo(String.valueOf(edge.symptoms()));
            assertThat(r.bandCode()).as("%d symptoms", edge.symptoms()).isEqualTo(edge.band());
        }
    }

    @Test
    void missingItemsAreProRatedAndRoundedHalfUp() {
        // 13 answered, 5 points: 5 × 15 / 13 = 5.77 → 6
        ScoreResult thirteen = withSymptoms(5).without("14", "15").scoredBy("GDS-15");
        assertThat(thirteen.total()).isEqualByComparingTo("6");
        assertThat(thirteen.prorated()).isTrue();
        assertThat(thirteen.bandCode()).isEqualTo("MILD");
        // 14 answered, 7 points: 7 × 15 / 14 = 7.5 → 8
        ScoreResult half = withSymptoms(7).without("15").scoredBy("GDS-15");
        assertThat(half.total()).isEqualByComparingTo("8");
        assertThat(half.bandCode()).isEqualTo("MILD");
        // 14 answered, 8 points: 8.57 → 9, which crosses into MODERATE
        assertThat(withSymptoms(8).without("15").scoredBy("GDS-15").bandCode()).isEqualTo("MODERATE");
        // 12 answered (the fewest allowed), 4 points: 4 × 15 / 12 = 5
        ScoreResult twelve = withSymptoms(4).without("13", "14", "15").scoredBy("GDS-15");
        assertThat(twelve.total()).isEqualByComparingTo("5");
        assertThat(twelve.prorated()).isTrue();
    }

    @Test
    void fourMissingItemsAreRefused() {
        withSymptoms(4).without("12", "13", "14", "15").refusedBy("GDS-15").satisfies(e -> assertThat(Sheets.fields(e))
                .containsExactly("answers.12", "answers.13", "answers.14", "answers.15"));
    }

    @Test
    void shipsThePublicDomainWordingInBothLocales() {
        assertThat(builtIn("GDS-15").items()).allSatisfy(item -> assertThat(item.text()).containsKeys("zh-CN", "en"));
        assertThat(builtIn("GDS-15").item("1").orElseThrow().text().get("en"))
                .isEqualTo("Are you basically satisfied with your life?");
        assertThat(builtIn("GDS-15").licence()).startsWith("Public domain");
    }
}

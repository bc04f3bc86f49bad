package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.assessment.scoring.Sheets.builtIn;
import static org.peercircle.assessment.scoring.Sheets.sheet;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** NEEDS-GROUP: not scored; multiple-choice answers become one 0/1 item value per option for counting. */
class NeedsQuestionnaireTest {

    @Test
    void isCollectedNotScored() {
        ScoreResult r = sheet().choose("interests", 2, 5).choose("times").choose("barriers", 1, 2).put("frequency", 1)
                .put("willingness", 3).scoredBy("NEEDS-GROUP");
        assertThat(r.total()).isNull();
        assertThat(r.subscales()).isEmpty();
        assertThat(r.band()).isNull();
        assertThat(r.prorated()).isFalse();
        assertThat(r.itemValues()).containsEntry("interests.2", BigDecimal.ONE).containsEntry("interests.5", BigDecimal.ONE)
                .containsEntry("interests.1", BigDecimal.ZERO).containsEntry("barriers.1", BigDecimal.ONE)
                .containsEntry("barriers.2", BigDecimal.ONE).containsEntry("barriers.3", BigDecimal.ZERO)
                .containsEntry("times.1", BigDecimal.ZERO).containsEntry("frequency", BigDecimal.ONE)
                .containsEntry("willingness", BigDecimal.valueOf(3));
        assertThat(r.itemValues().keySet().stream().filter(k -> k.startsWith("interests."))).hasSize(9);
    }

    @Test
    void transportAndCaringForGrandchildrenAreBarriers() {
        var barriers = builtIn("NEEDS-GROUP").item("barriers").orElseThrow().options();
        assertThat(barriers).extracting(o -> o.label().get("en")).contains("Transport", "Caring for grandchildren");
        assertThat(barriers.get(0).label()).containsKeys("zh-CN", "en");
    }

    @Test
    void onlyWillingnessIsRequired() {
        assertThat(sheet().put("willingness", 4).scoredBy("NEEDS-GROUP").itemValues()).containsKey("willingness");
        sheet().choose("interests", 1).refusedBy("NEEDS-GROUP")
                .satisfies(e -> assertThat(Sheets.fields(e)).containsExactly("answers.willingness"));
        sheet().put("willingness", 3).put("unknown", 1).refusedBy("NEEDS-GROUP")
                .satisfies(e -> assertThat(Sheets.fields(e)).containsExactly("answers.unknown"));
    }
}

package org.peercircle.reporting.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peercircle.reporting.dashboard.Suppression.Cell;

class SuppressionTest {

    private final Suppression five = new Suppression(5);

    @Test
    void countsOfOneToFourAreWithheldZeroAndFiveAreShown() {
        assertThat(five.count(0)).isEqualTo(new Cell(0L, false));
        assertThat(five.count(1)).isEqualTo(new Cell(null, true));
        assertThat(five.count(4)).isEqualTo(new Cell(null, true));
        assertThat(five.count(5)).isEqualTo(new Cell(5L, false));
        assertThat(five.tooFewForStatistics(0)).isTrue();
        assertThat(five.tooFewForStatistics(4)).isTrue();
        assertThat(five.tooFewForStatistics(5)).isFalse();
    }

    @Test
    void aSingleWithheldCellTakesTheNextSmallestWithIt() {
        Map<String, Cell> cells = five.breakdown(Map.of("A", 3L, "B", 7L, "C", 20L, "D", 0L));
        assertThat(cells.get("A").suppressed()).isTrue();
        assertThat(cells.get("B").suppressed()).isTrue(); // else 3 = total − 7 − 20 − 0
        assertThat(cells.get("C")).isEqualTo(new Cell(20L, false));
        assertThat(cells.get("D")).isEqualTo(new Cell(0L, false));
    }

    @Test
    void twoWithheldCellsNeedNoMore() {
        Map<String, Cell> cells = five.breakdown(Map.of("A", 3L, "B", 2L, "C", 20L));
        assertThat(cells.get("C")).isEqualTo(new Cell(20L, false));
    }

    @Test
    void theThresholdIsConfigurable() {
        assertThat(new Suppression(10).count(7).suppressed()).isTrue();
        assertThat(new Suppression(1).count(1).suppressed()).isFalse();
    }
}

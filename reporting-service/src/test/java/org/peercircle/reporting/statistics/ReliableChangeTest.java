package org.peercircle.reporting.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.peercircle.reporting.statistics.ReliableChange.Category;

class ReliableChangeTest {

    @Test
    void jacobsonTruaxByHand() {
        // SD 10, r = 0.875: S_diff = sqrt(2) · 10 · sqrt(0.125) = 10 · sqrt(0.25) = 5
        double sDiff = ReliableChange.standardErrorOfDifference(10, 0.875);
        assertThat(sDiff).isCloseTo(5, within(1e-12));
        double rci = ReliableChange.index(30, 18, sDiff);
        assertThat(rci).isCloseTo(-2.4, within(1e-12));
        // a loneliness score falling reliably is an improvement; a self-efficacy score falling is not
        assertThat(ReliableChange.categorise(rci, true)).isEqualTo(Category.RELIABLY_IMPROVED);
        assertThat(ReliableChange.categorise(rci, false)).isEqualTo(Category.RELIABLY_DETERIORATED);
        assertThat(ReliableChange.categorise(ReliableChange.index(30, 21, sDiff), true))
                .isEqualTo(Category.NO_RELIABLE_CHANGE);
        assertThat(ReliableChange.categorise(1.96, true)).isEqualTo(Category.NO_RELIABLE_CHANGE);
    }

    @Test
    void refusesImpossibleInputs() {
        assertThatThrownBy(() -> ReliableChange.standardErrorOfDifference(0, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReliableChange.standardErrorOfDifference(5, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

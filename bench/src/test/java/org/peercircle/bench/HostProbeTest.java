package org.peercircle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The host probe does the same work every time, so that its time compares hosts and not inputs. */
class HostProbeTest {

    @Test
    void theWorkIsTheSameForTheSameRound() {
        assertThat(HostProbe.work(3)).isEqualTo(HostProbe.work(3)).isNotEqualTo(HostProbe.work(4));
    }

    @Test
    void aTimeIsMeasured() {
        assertThat(HostProbe.millis()).isPositive();
    }
}

package org.peercircle.tools.city;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void theLineShowsTheBarTheCountTheRateAndTheTimeLeft() {
        assertThat(Progress.line("registering", 250, 1000, 500, 10))
                .isEqualTo("registering  [#######.......................] 250/1000  50 req/s  ETA 30 s");
    }

    @Test
    void aFinishedStageHasAFullBarAndNoTimeLeft() {
        assertThat(Progress.line("groups", 400, 400, 40000, 200))
                .isEqualTo("groups       [##############################] 400/400  200 req/s");
        assertThat(Progress.line("centres", 0, 0, 0, 0)).isEqualTo("centres      [##############################] 0/0  0 req/s");
    }
}

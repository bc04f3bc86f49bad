package org.peercircle.session.group;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupStatusTest {

    @Test
    void theLifecycleRunsForwardOnly() {
        assertThat(GroupStatus.PLANNING.canBecome(GroupStatus.RECRUITING)).isTrue();
        assertThat(GroupStatus.RECRUITING.canBecome(GroupStatus.RUNNING)).isTrue();
        assertThat(GroupStatus.RUNNING.canBecome(GroupStatus.CLOSED)).isTrue();
        assertThat(GroupStatus.PLANNING.canBecome(GroupStatus.RUNNING)).isFalse();
        assertThat(GroupStatus.RUNNING.canBecome(GroupStatus.RECRUITING)).isFalse();
        assertThat(GroupStatus.CLOSED.next()).isEmpty();
    }

    @Test
    void aGroupThatNeverStartsCanBeClosed() {
        assertThat(GroupStatus.PLANNING.canBecome(GroupStatus.CLOSED)).isTrue();
        assertThat(GroupStatus.RECRUITING.canBecome(GroupStatus.CLOSED)).isTrue();
    }
}

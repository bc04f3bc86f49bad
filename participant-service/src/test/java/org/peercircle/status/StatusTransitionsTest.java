package org.peercircle.participant.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.peercircle.participant.participant.Participant.Status;

class StatusTransitionsTest {

    @Test
    void theHappyPathIsAllowedStepByStep() {
        assertThat(StatusTransitions.isAllowed(Status.REFERRED, Status.SCREENING)).isTrue();
        assertThat(StatusTransitions.isAllowed(Status.SCREENING, Status.ELIGIBLE)).isTrue();
        assertThat(StatusTransitions.isAllowed(Status.ELIGIBLE, Status.ENROLLED)).isTrue();
        assertThat(StatusTransitions.isAllowed(Status.ENROLLED, Status.COMPLETED)).isTrue();
    }

    @Test
    void stepsCannotBeSkippedAndFinalStatesStayFinal() {
        assertThat(StatusTransitions.isAllowed(Status.REFERRED, Status.ENROLLED)).isFalse();
        assertThat(StatusTransitions.isAllowed(Status.INELIGIBLE, Status.ENROLLED)).isFalse();
        assertThat(StatusTransitions.allowedFrom(Status.COMPLETED)).isEmpty();
        assertThat(StatusTransitions.allowedFrom(Status.WITHDRAWN)).isEmpty();
    }

    @Test
    void everyOpenStateCanWithdrawExceptIneligible() {
        for (Status s : new Status[] { Status.REFERRED, Status.SCREENING, Status.ELIGIBLE, Status.ENROLLED }) {
            assertThat(StatusTransitions.isAllowed(s, Status.WITHDRAWN)).as(s.name()).isTrue();
        }
        assertThat(StatusTransitions.isAllowed(Status.INELIGIBLE, Status.SCREENING)).isTrue();
    }

    @Test
    void aScreeningDecisionWalksThroughScreening() {
        assertThat(StatusTransitions.path(Status.REFERRED, Status.ELIGIBLE)).contains(List.of(Status.SCREENING, Status.ELIGIBLE));
        assertThat(StatusTransitions.path(Status.REFERRED, Status.INELIGIBLE)).contains(List.of(Status.SCREENING, Status.INELIGIBLE));
        assertThat(StatusTransitions.path(Status.SCREENING, Status.ELIGIBLE)).contains(List.of(Status.ELIGIBLE));
        assertThat(StatusTransitions.path(Status.INELIGIBLE, Status.ELIGIBLE)).contains(List.of(Status.SCREENING, Status.ELIGIBLE));
    }

    @Test
    void noPathBackwardsOrOutOfAFinalState() {
        assertThat(StatusTransitions.path(Status.ELIGIBLE, Status.ELIGIBLE)).contains(List.of());
        assertThat(StatusTransitions.path(Status.ELIGIBLE, Status.INELIGIBLE)).isEmpty();
        assertThat(StatusTransitions.path(Status.ENROLLED, Status.ELIGIBLE)).isEmpty();
        assertThat(StatusTransitions.path(Status.WITHDRAWN, Status.SCREENING)).isEmpty();
    }
}

package org.peercircle.participant.participant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;

class CohortRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void ageBandTurnsOnTheBirthday() {
        assertThat(CohortRules.ageBand(LocalDate.of(1956, 11, 23), TODAY)).isEqualTo(AgeBand.AGE_70_79);
        assertThat(CohortRules.ageBand(LocalDate.of(1956, 11, 24), TODAY)).isEqualTo(AgeBand.AGE_60_69);
        assertThat(CohortRules.ageBand(LocalDate.of(1930, 1, 1), TODAY)).isEqualTo(AgeBand.AGE_90_PLUS);
        assertThat(CohortRules.ageBand(LocalDate.of(1970, 1, 1), TODAY)).isEqualTo(AgeBand.UNDER_60);
    }

    @Test
    void migrantMeansMovedAtOrAfterRetirementAge() {
        LocalDate born1955 = LocalDate.of(1955, 3, 1);
        assertThat(CohortRules.migrant(born1955, Gender.FEMALE, 2005)).isTrue();   // moved at 50
        assertThat(CohortRules.migrant(born1955, Gender.FEMALE, 2004)).isFalse();  // moved at 49
        assertThat(CohortRules.migrant(born1955, Gender.MALE, 2014)).isFalse();    // moved at 59
        assertThat(CohortRules.migrant(born1955, Gender.MALE, 2015)).isTrue();     // moved at 60
        assertThat(CohortRules.migrant(born1955, Gender.FEMALE, null)).isFalse();  // never moved
    }
}

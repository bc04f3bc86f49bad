package org.peercircle.participant.participant;

import java.time.LocalDate;
import java.time.Period;

import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;

/**
 * Derived cohort attributes: computed from what was entered, never entered themselves.
 *
 * <p>A "migrant" (an old drifter, 老漂族) moved to the city at or after retirement age. China's statutory
 * retirement age was 60 for men and 50 or 55 for women when today's older people retired; we take 60 for men
 * and 50 otherwise, so that women who retired at 50 and then followed their children count as well.
 */
public final class CohortRules {

    static final int RETIREMENT_AGE_MEN = 60;
    static final int RETIREMENT_AGE_OTHERS = 50;

    private CohortRules() {
    }

    public static AgeBand ageBand(LocalDate birthDate, LocalDate today) {
        return AgeBand.ofAge(Period.between(birthDate, today).getYears());
    }

    public static boolean migrant(LocalDate birthDate, Gender gender, Integer movedToCityYear) {
        if (movedToCityYear == null) {
            return false;
        }
        int ageAtMove = movedToCityYear - birthDate.getYear();
        return ageAtMove >= (gender == Gender.MALE ? RETIREMENT_AGE_MEN : RETIREMENT_AGE_OTHERS);
    }
}

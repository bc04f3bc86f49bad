package org.peercircle.contracts;

/** Cohort attributes that events may carry; none of them identifies a person. */
public final class Cohort {

    public enum Gender { FEMALE, MALE, OTHER, UNDISCLOSED }

    public enum LivingSituation { ALONE, WITH_SPOUSE, WITH_CHILDREN, WITH_GRANDCHILDREN, OTHER }

    /** Ten-year bands from 60; younger people referred to a centre fall in UNDER_60. */
    public enum AgeBand {
        UNDER_60, AGE_60_69, AGE_70_79, AGE_80_89, AGE_90_PLUS;

        public static AgeBand ofAge(int years) {
            if (years < 60) {
                return UNDER_60;
            }
            if (years < 70) {
                return AGE_60_69;
            }
            if (years < 80) {
                return AGE_70_79;
            }
            if (years < 90) {
                return AGE_80_89;
            }
            return AGE_90_PLUS;
        }
    }

    private Cohort() {
    }
}

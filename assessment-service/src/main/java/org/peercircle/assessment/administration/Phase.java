package org.peercircle.assessment.administration;

/** When in a person's path a form was taken. SCREENING results decide eligibility in participant-service. */
public enum Phase {
    SCREENING, PRE, MID, POST, FOLLOW_UP, SESSION_FEEDBACK, NEEDS
}

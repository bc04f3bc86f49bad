package org.peercircle.assessment.administration;

/** Who filled the form in: the person, a worker reading it out, or someone answering for them. */
public enum Mode {
    SELF, INTERVIEWER, PROXY
}

package org.peercircle.session.record;

/** The member's mood as observed during the session. */
public enum Mood {
    CHEERFUL, CALM, LOW, ANXIOUS, DISTRESSED
}

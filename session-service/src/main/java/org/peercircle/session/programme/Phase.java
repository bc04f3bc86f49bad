package org.peercircle.session.programme;

/** A programme first works on change, then consolidates it. */
public enum Phase {
    CHANGE, CONSOLIDATION
}

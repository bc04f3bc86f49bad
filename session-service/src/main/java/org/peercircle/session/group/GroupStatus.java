package org.peercircle.session.group;

import java.util.EnumSet;
import java.util.Set;

/**
 * PLANNING → RECRUITING → RUNNING → CLOSED. A group that never gets going can be closed from PLANNING or
 * RECRUITING; CLOSED is final.
 */
public enum GroupStatus {
    PLANNING, RECRUITING, RUNNING, CLOSED;

    public Set<GroupStatus> next() {
        return switch (this) {
            case PLANNING -> EnumSet.of(RECRUITING, CLOSED);
            case RECRUITING -> EnumSet.of(RUNNING, CLOSED);
            case RUNNING -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(GroupStatus.class);
        };
    }

    public boolean canBecome(GroupStatus to) {
        return next().contains(to);
    }
}

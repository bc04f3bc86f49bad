package org.peercircle.session.schedule;

public enum SessionStatus {
    SCHEDULED, COMPLETED, CANCELLED
}

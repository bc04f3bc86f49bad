package org.peercircle.session.attendance;

public enum AttendanceStatus {
    PRESENT, LATE, ABSENT, EXCUSED
}

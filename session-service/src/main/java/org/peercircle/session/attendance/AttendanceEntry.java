package org.peercircle.session.attendance;

import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One member's attendance at one session (table attendance). */
@Embeddable
public class AttendanceEntry {

    public UUID participantId;
    @Enumerated(EnumType.STRING)
    public AttendanceStatus status;

    public AttendanceEntry() {
    }

    public AttendanceEntry(UUID participantId, AttendanceStatus status) {
        this.participantId = participantId;
        this.status = status;
    }
}

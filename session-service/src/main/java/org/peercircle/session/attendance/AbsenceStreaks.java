package org.peercircle.session.attendance;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A member's current run of absences, the signal that they may be dropping out.
 *
 * <p>Only ABSENT counts. EXCUSED (the person told the group beforehand, e.g. a hospital appointment) neither
 * counts nor breaks a run: it says nothing about whether they are drifting away, so ABSENT, EXCUSED, ABSENT
 * is two absences in a row. PRESENT and LATE end a run. Two absences in a row make a member at risk.
 */
public final class AbsenceStreaks {

    public static final int AT_RISK = 2;

    /** What the member's attendance was at one session; the list passed in is in time order. */
    public record Mark(UUID sessionId, AttendanceStatus status) {
    }

    /** A run of absences: its first and latest absent session and how many absences it holds. */
    public record Streak(UUID firstSessionId, UUID lastSessionId, int absences) {

        public boolean atRisk() {
            return absences >= AT_RISK;
        }
    }

    private AbsenceStreaks() {
    }

    /** The run of absences that reaches up to the latest session, if the member missed it. */
    public static Optional<Streak> current(List<Mark> marks) {
        UUID first = null;
        UUID last = null;
        int absences = 0;
        for (int i = marks.size() - 1; i >= 0; i--) {
            AttendanceStatus status = marks.get(i).status();
            if (status == AttendanceStatus.PRESENT || status == AttendanceStatus.LATE) {
                break;
            }
            if (status == AttendanceStatus.ABSENT) {
                absences++;
                first = marks.get(i).sessionId();
                if (last == null) {
                    last = first;
                }
            }
        }
        return absences == 0 ? Optional.empty() : Optional.of(new Streak(first, last, absences));
    }
}

package org.peercircle.session.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.session.attendance.AttendanceStatus.ABSENT;
import static org.peercircle.session.attendance.AttendanceStatus.EXCUSED;
import static org.peercircle.session.attendance.AttendanceStatus.LATE;
import static org.peercircle.session.attendance.AttendanceStatus.PRESENT;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.session.attendance.AbsenceStreaks.Mark;

class AbsenceStreaksTest {

    private final List<UUID> sessions = new ArrayList<>();

    private List<Mark> marks(AttendanceStatus... statuses) {
        List<Mark> marks = new ArrayList<>();
        for (AttendanceStatus s : statuses) {
            UUID id = UUID.randomUUID();
            sessions.add(id);
            marks.add(new Mark(id, s));
        }
        return marks;
    }

    @Test
    void twoAbsencesInARowAreAtRisk() {
        var streak = AbsenceStreaks.current(marks(PRESENT, ABSENT, ABSENT)).orElseThrow();

        assertThat(streak.absences()).isEqualTo(2);
        assertThat(streak.atRisk()).isTrue();
        assertThat(streak.firstSessionId()).isEqualTo(sessions.get(1));
        assertThat(streak.lastSessionId()).isEqualTo(sessions.get(2));
    }

    @Test
    void comingBackEndsTheRun() {
        assertThat(AbsenceStreaks.current(marks(ABSENT, ABSENT, PRESENT))).isEmpty();
        assertThat(AbsenceStreaks.current(marks(ABSENT, ABSENT, LATE))).isEmpty();
    }

    @Test
    void oneAbsenceIsNotYetAtRisk() {
        assertThat(AbsenceStreaks.current(marks(ABSENT, PRESENT, ABSENT))).hasValueSatisfying(s -> {
            assertThat(s.absences()).isEqualTo(1);
            assertThat(s.atRisk()).isFalse();
        });
    }

    @Test
    void anExcusedAbsenceNeitherCountsNorBreaksTheRun() {
        var streak = AbsenceStreaks.current(marks(PRESENT, ABSENT, EXCUSED, ABSENT)).orElseThrow();

        assertThat(streak.absences()).isEqualTo(2);
        assertThat(streak.firstSessionId()).isEqualTo(sessions.get(1));
        assertThat(streak.lastSessionId()).isEqualTo(sessions.get(3));
        assertThat(AbsenceStreaks.current(marks(EXCUSED, EXCUSED))).isEmpty();
    }

    @Test
    void aLongerRunKeepsItsFirstSessionSoItIsOneRun() {
        var two = AbsenceStreaks.current(marks(ABSENT, ABSENT)).orElseThrow();
        List<Mark> three = new ArrayList<>();
        three.add(new Mark(sessions.get(0), ABSENT));
        three.add(new Mark(sessions.get(1), ABSENT));
        three.add(new Mark(UUID.randomUUID(), ABSENT));

        var longer = AbsenceStreaks.current(three).orElseThrow();
        assertThat(longer.absences()).isEqualTo(3);
        assertThat(longer.firstSessionId()).isEqualTo(two.firstSessionId());
    }
}

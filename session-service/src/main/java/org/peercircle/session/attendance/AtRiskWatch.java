package org.peercircle.session.attendance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.session.MemberAtRisk;
import org.peercircle.platform.outbox.Outbox;
import org.peercircle.session.group.SupportGroup;
import org.peercircle.session.schedule.GroupSession;
import org.peercircle.session.schedule.Scheduling;
import org.peercircle.session.schedule.SessionStatus;

/**
 * After attendance is recorded: publishes {@code member.at-risk.v1} for each member whose current run of
 * absences reached {@link AbsenceStreaks#AT_RISK}, once per run (a run is named by its first absent session,
 * so re-recording or a third absence in the same run does not alert again).
 */
@ApplicationScoped
public class AtRiskWatch {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Scheduling scheduling;

    @Transactional(TxType.MANDATORY)
    public void check(SupportGroup group) {
        List<GroupSession> recorded = GroupSession.list(
                "groupId = ?1 and attendanceRecordedAt is not null and status <> ?2 order by startsAt, sequence",
                group.id, SessionStatus.CANCELLED);
        for (UUID member : scheduling.enrolledMembers(group.id)) {
            List<AbsenceStreaks.Mark> marks = new ArrayList<>();
            for (GroupSession s : recorded) {
                s.attendance.stream().filter(a -> a.participantId.equals(member)).findFirst()
                        .ifPresent(a -> marks.add(new AbsenceStreaks.Mark(s.id, a.status)));
            }
            AbsenceStreaks.current(marks).filter(AbsenceStreaks.Streak::atRisk)
                    .ifPresent(streak -> alertOnce(group, member, streak));
        }
    }

    private void alertOnce(SupportGroup group, UUID member, AbsenceStreaks.Streak streak) {
        OffsetDateTime now = OffsetDateTime.now(group.zone());
        int inserted = em.createNativeQuery("""
                INSERT INTO at_risk_alert (group_id, participant_id, streak_start_session_id, detected_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING
                """).setParameter(1, group.id).setParameter(2, member).setParameter(3, streak.firstSessionId())
                .setParameter(4, now).executeUpdate();
        if (inserted == 1) {
            outbox.publish(EventTypes.MEMBER_AT_RISK, group.id, new MemberAtRisk(group.id, group.centreId, member,
                    streak.absences(), streak.lastSessionId(), now));
        }
    }
}

package org.peercircle.reporting.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.session.AttendanceRecorded;
import org.peercircle.contracts.session.GroupCreated;
import org.peercircle.contracts.session.GroupStatusChanged;
import org.peercircle.contracts.session.MemberAtRisk;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.contracts.session.MemberWaitListed;
import org.peercircle.contracts.session.MemberWithdrawn;
import org.peercircle.contracts.session.SessionCompleted;
import org.peercircle.contracts.session.SessionScheduled;
import org.peercircle.platform.inbox.Inbox;
import org.peercircle.platform.inbox.IncomingEvent;
import org.peercircle.reporting.live.LiveUpdates;
import org.peercircle.reporting.privacy.Privacy;
import org.peercircle.reporting.readmodel.Projection;
import org.peercircle.reporting.readmodel.Sql;

/**
 * Groups, membership, the session schedule, attendance and at-risk signals, from session-events (keyed by group,
 * so a group's events arrive in order: the latest state of a session or a membership simply replaces the one
 * before). The session counts of {@code session.completed.v1} are not kept: attendance figures come from the
 * per-member attendance, so that erased and non-consenting people can be left out.
 */
@ApplicationScoped
public class SessionProjection implements Projection {

    @Inject
    Inbox inbox;

    @Inject
    Sql sql;

    @Inject
    Privacy privacy;

    @Inject
    LiveUpdates live;

    @Incoming("session-events")
    @Transactional
    void consume(ConsumerRecord<String, String> record) {
        if (inbox.receive(record, this::apply)) {
            live.changed(topic(), record.key());
        }
    }

    @Override
    public String topic() {
        return Topics.SESSION_EVENTS;
    }

    @Override
    public void apply(IncomingEvent event) {
        if (event.is(EventTypes.GROUP_CREATED)) {
            GroupCreated e = event.payload(EventTypes.GROUP_CREATED);
            sql.update("""
                    INSERT INTO support_group (group_id, centre_id, title, kind, template_code, capacity_min,
                                               capacity_max, planned_sessions, first_session_date, status, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNING', ?)
                    ON CONFLICT (group_id) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind,
                        template_code = EXCLUDED.template_code, capacity_min = EXCLUDED.capacity_min,
                        capacity_max = EXCLUDED.capacity_max, planned_sessions = EXCLUDED.planned_sessions,
                        first_session_date = EXCLUDED.first_session_date, created_at = EXCLUDED.created_at
                    """, e.groupId(), e.centreId(), e.name(), e.kind(), e.templateCode(), e.capacityMin(),
                    e.capacityMax(), e.plannedSessions(), e.firstSessionDate(), e.createdAt());
        } else if (event.is(EventTypes.GROUP_STATUS_CHANGED)) {
            GroupStatusChanged e = event.payload(EventTypes.GROUP_STATUS_CHANGED);
            sql.update("""
                    INSERT INTO support_group (group_id, centre_id, status, status_changed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (group_id) DO UPDATE SET status = EXCLUDED.status,
                                                         status_changed_at = EXCLUDED.status_changed_at
                    """, e.groupId(), e.centreId(), e.to(), e.changedAt());
        } else if (event.is(EventTypes.MEMBER_ENROLLED)) {
            MemberEnrolled e = event.payload(EventTypes.MEMBER_ENROLLED);
            if (!privacy.isErased(e.participantId())) {
                sql.update("""
                        INSERT INTO group_member (group_id, participant_id, centre_id, state, from_wait_list, enrolled_at)
                        VALUES (?, ?, ?, 'ENROLLED', ?, ?)
                        ON CONFLICT (group_id, participant_id) DO UPDATE SET state = 'ENROLLED',
                            from_wait_list = EXCLUDED.from_wait_list, enrolled_at = EXCLUDED.enrolled_at,
                            wait_list_position = NULL, withdrawal_reason = NULL, withdrawn_at = NULL
                        """, e.groupId(), e.participantId(), e.centreId(), e.fromWaitList(), e.enrolledAt());
            }
        } else if (event.is(EventTypes.MEMBER_WAIT_LISTED)) {
            MemberWaitListed e = event.payload(EventTypes.MEMBER_WAIT_LISTED);
            if (!privacy.isErased(e.participantId())) {
                sql.update("""
                        INSERT INTO group_member (group_id, participant_id, centre_id, state, wait_list_position,
                                                  wait_listed_at)
                        VALUES (?, ?, ?, 'WAIT_LISTED', ?, ?)
                        ON CONFLICT (group_id, participant_id) DO UPDATE SET state = 'WAIT_LISTED',
                            wait_list_position = EXCLUDED.wait_list_position, wait_listed_at = EXCLUDED.wait_listed_at
                        """, e.groupId(), e.participantId(), e.centreId(), e.position(), e.waitListedAt());
            }
        } else if (event.is(EventTypes.MEMBER_WITHDRAWN)) {
            MemberWithdrawn e = event.payload(EventTypes.MEMBER_WITHDRAWN);
            if (!privacy.isErased(e.participantId())) {
                // someone leaving the wait-list never took a seat: not a dropout
                String state = e.fromWaitList() ? "LEFT_WAIT_LIST" : "WITHDRAWN";
                sql.update("""
                        INSERT INTO group_member (group_id, participant_id, centre_id, state, withdrawal_reason,
                                                  withdrawn_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (group_id, participant_id) DO UPDATE SET state = EXCLUDED.state,
                            withdrawal_reason = EXCLUDED.withdrawal_reason, withdrawn_at = EXCLUDED.withdrawn_at,
                            wait_list_position = NULL
                        """, e.groupId(), e.participantId(), e.centreId(), state, e.reason(), e.withdrawnAt());
            }
        } else if (event.is(EventTypes.SESSION_SCHEDULED)) {
            SessionScheduled e = event.payload(EventTypes.SESSION_SCHEDULED);
            sql.update("""
                    INSERT INTO group_session (session_id, group_id, centre_id, sequence, theme, phase, starts_at,
                                               ends_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (session_id) DO UPDATE SET sequence = EXCLUDED.sequence, theme = EXCLUDED.theme,
                        phase = EXCLUDED.phase, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
                        status = EXCLUDED.status
                    """, e.sessionId(), e.groupId(), e.centreId(), e.sequence(), e.theme(), e.phase(), e.startsAt(),
                    e.endsAt(), e.status());
        } else if (event.is(EventTypes.ATTENDANCE_RECORDED)) {
            AttendanceRecorded e = event.payload(EventTypes.ATTENDANCE_RECORDED);
            sql.update("""
                    INSERT INTO group_session (session_id, group_id, centre_id, sequence) VALUES (?, ?, ?, ?)
                    ON CONFLICT (session_id) DO NOTHING
                    """, e.sessionId(), e.groupId(), e.centreId(), e.sequence());
            // a later record of the same session replaces the earlier one whole
            sql.update("DELETE FROM session_attendance WHERE session_id = ?", e.sessionId());
            for (AttendanceRecorded.Entry entry : e.attendance()) {
                if (!privacy.isErased(entry.participantId())) {
                    sql.update("""
                            INSERT INTO session_attendance (session_id, participant_id, group_id, sequence, status)
                            VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id, participant_id) DO UPDATE SET status = EXCLUDED.status
                            """, e.sessionId(), entry.participantId(), e.groupId(), e.sequence(), entry.status());
                }
            }
        } else if (event.is(EventTypes.SESSION_COMPLETED)) {
            SessionCompleted e = event.payload(EventTypes.SESSION_COMPLETED);
            sql.update("""
                    INSERT INTO group_session (session_id, group_id, centre_id, sequence, theme, completed_at,
                                               theme_tags, objectives_met)
                    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                    ON CONFLICT (session_id) DO UPDATE SET theme = COALESCE(group_session.theme, EXCLUDED.theme),
                        completed_at = EXCLUDED.completed_at, theme_tags = EXCLUDED.theme_tags,
                        objectives_met = EXCLUDED.objectives_met
                    """, e.sessionId(), e.groupId(), e.centreId(), e.sequence(), e.theme(), e.completedAt(),
                    Sql.json(e.themeTags()), e.objectivesMet());
        } else if (event.is(EventTypes.MEMBER_AT_RISK)) {
            MemberAtRisk e = event.payload(EventTypes.MEMBER_AT_RISK);
            if (!privacy.isErased(e.participantId())) {
                sql.update("""
                        INSERT INTO member_at_risk (group_id, participant_id, centre_id, consecutive_absences,
                                                    last_session_id, detected_at)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (group_id, participant_id) DO UPDATE SET
                            consecutive_absences = EXCLUDED.consecutive_absences,
                            last_session_id = EXCLUDED.last_session_id, detected_at = EXCLUDED.detected_at
                        """, e.groupId(), e.participantId(), e.centreId(), e.consecutiveAbsences(), e.lastSessionId(),
                        e.detectedAt());
            }
        }
    }
}

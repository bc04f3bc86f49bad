package org.peercircle.reporting.group;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.peercircle.contracts.EventType;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.contracts.session.AttendanceRecorded;
import org.peercircle.contracts.session.GroupCreated;
import org.peercircle.contracts.session.GroupUpdated;
import org.peercircle.contracts.session.GroupStatusChanged;
import org.peercircle.contracts.session.MemberAtRisk;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.contracts.session.MemberWaitListed;
import org.peercircle.contracts.session.MemberWithdrawn;
import org.peercircle.contracts.session.SessionCompleted;
import org.peercircle.contracts.session.SessionScheduled;
import org.peercircle.platform.inbox.IncomingEvent;
import org.peercircle.reporting.privacy.Privacy;
import org.peercircle.reporting.readmodel.Projection;
import org.peercircle.reporting.readmodel.EventBatches;
import org.peercircle.reporting.readmodel.Sql;
import org.peercircle.reporting.readmodel.Touched;

import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Groups, membership, the session schedule, attendance and at-risk signals, from session-events (keyed by group,
 * so a group's events arrive in order: the latest state of a session or a membership simply replaces the one
 * before). The session counts of {@code session.completed.v1} are not kept: attendance figures come from the
 * per-member attendance, so that erased and non-consenting people can be left out.
 */
@ApplicationScoped
public class SessionProjection implements Projection {

    @Inject
    EventBatches batches;

    @Inject
    Sql sql;

    @Inject
    Privacy privacy;

    @Incoming("session-events")
    @Blocking(EventBatches.WORKERS)
    void consume(ConsumerRecords<String, String> records) {
        batches.consume(EventBatches.list(records));
    }

    @Override
    public String topic() {
        return Topics.SESSION_EVENTS;
    }

    private static final List<EventType<?>> TYPES = List.of(EventTypes.GROUP_CREATED, EventTypes.GROUP_UPDATED,
            EventTypes.GROUP_STATUS_CHANGED,
            EventTypes.MEMBER_ENROLLED, EventTypes.MEMBER_WAIT_LISTED, EventTypes.MEMBER_WITHDRAWN,
            EventTypes.SESSION_SCHEDULED, EventTypes.ATTENDANCE_RECORDED, EventTypes.SESSION_COMPLETED,
            EventTypes.MEMBER_AT_RISK);

    @Override
    public Object decode(IncomingEvent event) {
        for (EventType<?> type : TYPES) {
            if (event.is(type)) {
                return event.payload(type);
            }
        }
        return null;
    }

    @Override
    public void touches(Object payload, Touched touched) {
        if (payload instanceof GroupCreated e) {
            touched.group(e.groupId());
        } else if (payload instanceof GroupUpdated e) {
            touched.group(e.groupId());
        } else if (payload instanceof GroupStatusChanged e) {
            // a closing group turns its members' seats into completed ones
            touched.group(e.groupId());
            touched.membersOf(e.groupId());
        } else if (payload instanceof MemberEnrolled e) {
            touched.person(e.participantId());
        } else if (payload instanceof MemberWaitListed e) {
            touched.person(e.participantId());
        } else if (payload instanceof MemberWithdrawn e) {
            touched.person(e.participantId());
        } else if (payload instanceof AttendanceRecorded e) {
            touched.attendeesOf(e.sessionId());
            e.attendance().forEach(entry -> touched.person(entry.participantId()));
        }
        // schedules, completions and at-risk signals are in no centre or city figure
    }

    @Override
    public void apply(List<Object> payloads) {
        payloads.forEach(this::apply);
    }

    private void apply(Object payload) {
        if (payload instanceof GroupCreated e) {
            sql.update("""
                    INSERT INTO support_group (group_id, centre_id, title, kind, template_code, capacity_min,
                                               capacity_max, planned_sessions, first_session_date, status, created_at,
                                               facilitators)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANNING', ?, ?)
                    ON CONFLICT (group_id) DO UPDATE SET kind = EXCLUDED.kind,
                        template_code = EXCLUDED.template_code, planned_sessions = EXCLUDED.planned_sessions,
                        first_session_date = EXCLUDED.first_session_date, created_at = EXCLUDED.created_at,
                        title = CASE WHEN support_group.state_version IS NULL THEN EXCLUDED.title
                                     ELSE support_group.title END,
                        capacity_min = CASE WHEN support_group.state_version IS NULL THEN EXCLUDED.capacity_min
                                            ELSE support_group.capacity_min END,
                        capacity_max = CASE WHEN support_group.state_version IS NULL THEN EXCLUDED.capacity_max
                                            ELSE support_group.capacity_max END,
                        facilitators = CASE WHEN support_group.state_version IS NULL THEN EXCLUDED.facilitators
                                            ELSE support_group.facilitators END
                    """, e.groupId(), e.centreId(), e.name(), e.kind(), e.templateCode(), e.capacityMin(),
                    e.capacityMax(), e.plannedSessions(), e.firstSessionDate(), e.createdAt(),
                    Sql.array("text", e.facilitators()));
        } else if (payload instanceof GroupUpdated e) {
            // the whole new state; an older version than the one applied changes nothing
            sql.update("""
                    INSERT INTO support_group (group_id, centre_id, title, capacity_min, capacity_max, status,
                                               facilitators, state_version)
                    VALUES (?, ?, ?, ?, ?, 'PLANNING', ?, ?)
                    ON CONFLICT (group_id) DO UPDATE SET title = EXCLUDED.title, capacity_min = EXCLUDED.capacity_min,
                        capacity_max = EXCLUDED.capacity_max, facilitators = EXCLUDED.facilitators,
                        state_version = EXCLUDED.state_version
                    WHERE support_group.state_version IS NULL OR support_group.state_version < EXCLUDED.state_version
                    """, e.groupId(), e.centreId(), e.name(), e.capacityMin(), e.capacityMax(),
                    Sql.array("text", e.facilitators()), e.version());
        } else if (payload instanceof GroupStatusChanged e) {
            sql.update("""
                    INSERT INTO support_group (group_id, centre_id, status, status_changed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (group_id) DO UPDATE SET status = EXCLUDED.status,
                                                         status_changed_at = EXCLUDED.status_changed_at
                    """, e.groupId(), e.centreId(), e.to(), e.changedAt());
        } else if (payload instanceof MemberEnrolled e) {
            if (!privacy.isErased(e.participantId())) {
                sql.update("""
                        INSERT INTO group_member (group_id, participant_id, centre_id, state, from_wait_list, enrolled_at)
                        VALUES (?, ?, ?, 'ENROLLED', ?, ?)
                        ON CONFLICT (group_id, participant_id) DO UPDATE SET state = 'ENROLLED',
                            from_wait_list = EXCLUDED.from_wait_list, enrolled_at = EXCLUDED.enrolled_at,
                            wait_list_position = NULL, withdrawal_reason = NULL, withdrawn_at = NULL
                        """, e.groupId(), e.participantId(), e.centreId(), e.fromWaitList(), e.enrolledAt());
            }
        } else if (payload instanceof MemberWaitListed e) {
            if (!privacy.isErased(e.participantId())) {
                sql.update("""
                        INSERT INTO group_member (group_id, participant_id, centre_id, state, wait_list_position,
                                                  wait_listed_at)
                        VALUES (?, ?, ?, 'WAIT_LISTED', ?, ?)
                        ON CONFLICT (group_id, participant_id) DO UPDATE SET state = 'WAIT_LISTED',
                            wait_list_position = EXCLUDED.wait_list_position, wait_listed_at = EXCLUDED.wait_listed_at
                        """, e.groupId(), e.participantId(), e.centreId(), e.position(), e.waitListedAt());
            }
        } else if (payload instanceof MemberWithdrawn e) {
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
        } else if (payload instanceof SessionScheduled e) {
            sql.update("""
                    INSERT INTO group_session (session_id, group_id, centre_id, sequence, theme, phase, starts_at,
                                               ends_at, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (session_id) DO UPDATE SET sequence = EXCLUDED.sequence, theme = EXCLUDED.theme,
                        phase = EXCLUDED.phase, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at,
                        status = EXCLUDED.status
                    """, e.sessionId(), e.groupId(), e.centreId(), e.sequence(), e.theme(), e.phase(), e.startsAt(),
                    e.endsAt(), e.status());
        } else if (payload instanceof AttendanceRecorded e) {
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
        } else if (payload instanceof SessionCompleted e) {
            sql.update("""
                    INSERT INTO group_session (session_id, group_id, centre_id, sequence, theme, completed_at,
                                               theme_tags, objectives_met)
                    VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)
                    ON CONFLICT (session_id) DO UPDATE SET theme = COALESCE(group_session.theme, EXCLUDED.theme),
                        completed_at = EXCLUDED.completed_at, theme_tags = EXCLUDED.theme_tags,
                        objectives_met = EXCLUDED.objectives_met
                    """, e.sessionId(), e.groupId(), e.centreId(), e.sequence(), e.theme(), e.completedAt(),
                    Sql.json(e.themeTags()), e.objectivesMet());
        } else if (payload instanceof MemberAtRisk e) {
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

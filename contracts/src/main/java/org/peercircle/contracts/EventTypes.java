package org.peercircle.contracts;

import java.util.List;
import java.util.Optional;

import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.contracts.participant.CohortChanged;
import org.peercircle.contracts.participant.ConsentChanged;
import org.peercircle.contracts.participant.NetworkRecorded;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.contracts.session.AttendanceRecorded;
import org.peercircle.contracts.session.GroupCreated;
import org.peercircle.contracts.session.GroupStatusChanged;
import org.peercircle.contracts.session.GroupUpdated;
import org.peercircle.contracts.session.MemberAtRisk;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.contracts.session.MemberWaitListed;
import org.peercircle.contracts.session.MemberWithdrawn;
import org.peercircle.contracts.session.SessionCompleted;
import org.peercircle.contracts.session.SessionScheduled;

/**
 * The event catalogue: every type, its topic and payload. participant-events are keyed by participant id,
 * session-events by group id, assessment-events by participant id.
 */
public final class EventTypes {

    // participant-events
    public static final EventType<ParticipantRegistered> PARTICIPANT_REGISTERED = participant("participant.registered.v1", ParticipantRegistered.class);
    public static final EventType<ParticipantStatusChanged> PARTICIPANT_STATUS_CHANGED = participant("participant.status-changed.v1", ParticipantStatusChanged.class);
    public static final EventType<CohortChanged> PARTICIPANT_COHORT_CHANGED = participant("participant.cohort-changed.v1", CohortChanged.class);
    public static final EventType<ConsentChanged> PARTICIPANT_CONSENT_CHANGED = participant("participant.consent-changed.v1", ConsentChanged.class);
    public static final EventType<NetworkRecorded> PARTICIPANT_NETWORK_RECORDED = participant("participant.network-recorded.v1", NetworkRecorded.class);
    public static final EventType<ParticipantErased> PARTICIPANT_ERASED = participant("participant.erased.v1", ParticipantErased.class);

    // session-events
    public static final EventType<GroupCreated> GROUP_CREATED = session("group.created.v1", GroupCreated.class);
    public static final EventType<GroupUpdated> GROUP_UPDATED = session("group.updated.v1", GroupUpdated.class);
    public static final EventType<GroupStatusChanged> GROUP_STATUS_CHANGED = session("group.status-changed.v1", GroupStatusChanged.class);
    public static final EventType<MemberEnrolled> MEMBER_ENROLLED = session("member.enrolled.v1", MemberEnrolled.class);
    public static final EventType<MemberWaitListed> MEMBER_WAIT_LISTED = session("member.wait-listed.v1", MemberWaitListed.class);
    public static final EventType<MemberWithdrawn> MEMBER_WITHDRAWN = session("member.withdrawn.v1", MemberWithdrawn.class);
    public static final EventType<SessionScheduled> SESSION_SCHEDULED = session("session.scheduled.v1", SessionScheduled.class);
    public static final EventType<AttendanceRecorded> ATTENDANCE_RECORDED = session("attendance.recorded.v1", AttendanceRecorded.class);
    public static final EventType<SessionCompleted> SESSION_COMPLETED = session("session.completed.v1", SessionCompleted.class);
    public static final EventType<MemberAtRisk> MEMBER_AT_RISK = session("member.at-risk.v1", MemberAtRisk.class);

    // assessment-events
    public static final EventType<AssessmentScored> ASSESSMENT_COMPLETED =
            new EventType<>("assessment.completed.v1", Topics.ASSESSMENT_EVENTS, AssessmentScored.class);
    public static final EventType<AssessmentScored> ASSESSMENT_AMENDED =
            new EventType<>("assessment.amended.v1", Topics.ASSESSMENT_EVENTS, AssessmentScored.class);

    public static final List<EventType<?>> ALL = List.of(
            PARTICIPANT_REGISTERED, PARTICIPANT_STATUS_CHANGED, PARTICIPANT_COHORT_CHANGED, PARTICIPANT_CONSENT_CHANGED,
            PARTICIPANT_NETWORK_RECORDED, PARTICIPANT_ERASED,
            GROUP_CREATED, GROUP_UPDATED, GROUP_STATUS_CHANGED, MEMBER_ENROLLED, MEMBER_WAIT_LISTED, MEMBER_WITHDRAWN,
            SESSION_SCHEDULED, ATTENDANCE_RECORDED, SESSION_COMPLETED, MEMBER_AT_RISK,
            ASSESSMENT_COMPLETED, ASSESSMENT_AMENDED);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static <T> EventType<T> participant(String name, Class<T> payload) {
        return new EventType<>(name, Topics.PARTICIPANT_EVENTS, payload);
    }

    private static <T> EventType<T> session(String name, Class<T> payload) {
        return new EventType<>(name, Topics.SESSION_EVENTS, payload);
    }
}

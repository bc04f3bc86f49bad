package org.peercircle.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.EventType;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.contracts.participant.ConsentChanged;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.session.AttendanceRecorded;
import org.peercircle.contracts.session.GroupCreated;
import org.peercircle.platform.security.Roles;
import org.peercircle.contracts.session.GroupStatusChanged;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.testing.Broker;

/** Publishes the other services' events the way they would (key = aggregate id). */
public final class Fixtures {

    public static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.ofHours(8));

    private Fixtures() {
    }


    /** Publishes with a fresh event id and returns that id (to publish it again as a redelivery). */
    public static <T> UUID publish(EventType<T> type, UUID key, T payload) {
        UUID id = UUID.randomUUID();
        Broker.publish(type, id, key, payload);
        return id;
    }

    /** The token subject of {@code Tokens.of(Roles.FACILITATOR, …)}: the facilitator of every {@link #group}. */
    public static final String FACILITATOR = "user-" + Roles.FACILITATOR;

    public static void group(UUID group, UUID centre, String title) {
        group(group, centre, title, List.of(FACILITATOR));
    }

    public static void group(UUID group, UUID centre, String title, List<String> facilitators) {
        publish(EventTypes.GROUP_CREATED, group, new GroupCreated(group, centre, title, "SUPPORT", "SIX_SESSION_ADJUSTMENT",
                5, 10, 6, LocalDate.of(2026, 3, 2), "Asia/Shanghai", T0.minusDays(20), facilitators));
    }

    public static void groupStatus(UUID group, UUID centre, String from, String to) {
        publish(EventTypes.GROUP_STATUS_CHANGED, group, new GroupStatusChanged(group, centre, from, to, T0));
    }

    public static void enrol(UUID group, UUID centre, UUID participant) {
        publish(EventTypes.MEMBER_ENROLLED, group, new MemberEnrolled(group, centre, participant, false, T0.minusDays(10)));
    }

    public static void register(UUID participant, UUID centre, AgeBand age, LivingSituation living, boolean migrant) {
        publish(EventTypes.PARTICIPANT_REGISTERED, participant, new ParticipantRegistered(participant, centre, age,
                Gender.FEMALE, living, migrant, "SELF", T0.minusDays(30)));
    }

    public static UUID consent(UUID participant, UUID centre, boolean granted) {
        return publish(EventTypes.PARTICIPANT_CONSENT_CHANGED, participant, new ConsentChanged(participant, centre,
                ConsentChanged.ConsentType.ANALYTICS, granted, ConsentChanged.GivenBy.SELF, LocalDate.of(2026, 3, 1)));
    }

    public static AttendanceRecorded attendance(UUID group, UUID centre, UUID session, int sequence,
            Map<UUID, String> statuses) {
        return new AttendanceRecorded(group, centre, session, sequence, statuses.entrySet().stream()
                .map(e -> new AttendanceRecorded.Entry(e.getKey(), e.getValue())).toList());
    }

    /** A loneliness-like score (higher is worse) of the given phase. */
    public static AssessmentScored scored(UUID administration, int revision, UUID participant, UUID centre, UUID group,
            String instrument, String phase, OffsetDateTime at, Double total, Map<String, Double> subscales,
            boolean higherIsWorse, Double reliability, Double normSd) {
        return new AssessmentScored(administration, revision, participant, centre, group, instrument, 1, phase, at,
                total, subscales, null, false, higherIsWorse, reliability, normSd, Map.of(), null, null);
    }

    public static UUID completed(AssessmentScored s) {
        return publish(EventTypes.ASSESSMENT_COMPLETED, s.participantId(), s);
    }

    public static List<UUID> ids(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> UUID.randomUUID()).toList();
    }
}

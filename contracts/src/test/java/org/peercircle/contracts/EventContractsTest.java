package org.peercircle.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.contracts.participant.CohortChanged;
import org.peercircle.contracts.participant.ConsentChanged;
import org.peercircle.contracts.participant.ConsentChanged.ConsentType;
import org.peercircle.contracts.participant.ConsentChanged.GivenBy;
import org.peercircle.contracts.participant.NetworkRecorded;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.participant.ParticipantRegistered;
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
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.contracts.participant.WithdrawalReason;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Every event type has a schema, its records serialise to JSON the schema accepts, and nothing else fits. */
class EventContractsTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 3, 1, 9, 30, 0, 0, ZoneOffset.ofHours(8));
    private static final UUID P = UUID.randomUUID();
    private static final UUID C = UUID.randomUUID();
    private static final UUID G = UUID.randomUUID();
    private static final UUID S = UUID.randomUUID();

    /** One realistic payload per event type; a type without a sample fails {@link #everyTypeHasASample}. */
    static final Map<String, Object> SAMPLES = Map.ofEntries(
            Map.entry("participant.registered.v1", new ParticipantRegistered(P, C, AgeBand.AGE_60_69, Gender.FEMALE,
                    LivingSituation.WITH_GRANDCHILDREN, true, "COMMUNITY_WORKER", T)),
            Map.entry("participant.status-changed.v1", new ParticipantStatusChanged(P, C, "ENROLLED", "WITHDRAWN",
                    WithdrawalReason.CARING_DUTIES)),
            Map.entry("participant.cohort-changed.v1", new CohortChanged(P, C, AgeBand.AGE_70_79, Gender.FEMALE,
                    LivingSituation.ALONE, true)),
            Map.entry("participant.consent-changed.v1", new ConsentChanged(P, C, ConsentType.ANALYTICS, false,
                    GivenBy.PROXY, LocalDate.of(2026, 3, 2))),
            Map.entry("participant.network-recorded.v1", new NetworkRecorded(P, C, UUID.randomUUID(),
                    LocalDate.of(2026, 3, 2), 4, 1, 3, Map.of("FAMILY", 2, "PEER", 1, "COMMUNITY_WORKER", 1),
                    Map.of("EXPRESSIVE", 3, "INSTRUMENTAL", 2))),
            Map.entry("participant.erased.v1", new ParticipantErased(P, C, T)),
            Map.entry("group.created.v1", new GroupCreated(G, C, "T社区老漂族支持小组", "SUPPORT_GROUP",
                    "ADJUSTMENT_6", 6, 8, 6, LocalDate.of(2026, 3, 5), "Asia/Shanghai", T, List.of("wang.facilitator"))),
            Map.entry("group.updated.v1", new GroupUpdated(G, C, "T社区老漂族支持小组", 6, 9,
                    List.of("wang.facilitator", "li.facilitator"), 3, T)),
            Map.entry("group.status-changed.v1", new GroupStatusChanged(G, C, "RECRUITING", "RUNNING", T)),
            Map.entry("member.enrolled.v1", new MemberEnrolled(G, C, P, false, T)),
            Map.entry("member.wait-listed.v1", new MemberWaitListed(G, C, P, 2, T)),
            Map.entry("member.withdrawn.v1", new MemberWithdrawn(G, C, P, WithdrawalReason.HEALTH, false, T)),
            Map.entry("session.scheduled.v1", new SessionScheduled(G, C, S, 2, "认知调适", "CHANGE", T, T.plusMinutes(90),
                    "SCHEDULED")),
            Map.entry("attendance.recorded.v1", new AttendanceRecorded(G, C, S, 2,
                    List.of(new AttendanceRecorded.Entry(P, "PRESENT"), new AttendanceRecorded.Entry(UUID.randomUUID(), "ABSENT")))),
            Map.entry("session.completed.v1", new SessionCompleted(G, C, S, 2, "认知调适", T, 5, 1, 1, 0,
                    List.of("loneliness", "peer-support"), 4.2)),
            Map.entry("member.at-risk.v1", new MemberAtRisk(G, C, P, 2, S, T)),
            Map.entry("assessment.completed.v1", new AssessmentScored(UUID.randomUUID(), 0, P, C, G, "UCLA3", 1, "PRE",
                    T, 7.0, Map.of("emotional", 4.0), "HIGH", false, true, 0.72, 1.8, Map.of("q1", 3.0, "q2", 2.0, "q3", 2.0),
                    Map.of("emotional", 0.7), Map.of("emotional", 1.1))),
            Map.entry("assessment.amended.v1", new AssessmentScored(UUID.randomUUID(), 1, P, C, null, "GSES10", 1,
                    "POST", T, 31.0, Map.of(), null, true, false, null, null, Map.of("q1", 3.0), null, null)));

    static Stream<EventType<?>> types() {
        return EventTypes.ALL.stream();
    }

    @Test
    void everyTypeHasASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL.stream().map(EventType::name).toList());
    }

    @ParameterizedTest
    @MethodSource("types")
    void sampleMatchesSchemaAndRoundTrips(EventType<?> type) throws Exception {
        Object sample = SAMPLES.get(type.name());
        JsonNode json = EventJson.MAPPER.valueToTree(sample);

        assertThat(schema(type).validate(json)).isEmpty();
        assertThat(EventJson.MAPPER.treeToValue(json, type.payloadType())).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaRefusesUndeclaredFieldsSoNoPersonalDataCanRideAlong(EventType<?> type) throws Exception {
        ObjectNode json = EventJson.MAPPER.valueToTree(SAMPLES.get(type.name()));
        json.put("fullName", "王秀英");

        Set<ValidationMessage> errors = schema(type).validate(json);
        assertThat(errors).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("fullName"));
    }

    @ParameterizedTest
    @MethodSource("types")
    void schemaDescribesExactlyTheRecordComponents(EventType<?> type) throws Exception {
        JsonNode schema = EventJson.MAPPER.readTree(EventContractsTest.class.getResourceAsStream(type.schemaResource()));
        Set<String> properties = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(n -> required.add(n.asText()));
        Set<String> components = new HashSet<>();
        for (var c : type.payloadType().getRecordComponents()) {
            components.add(c.getName());
        }
        assertThat(schema.get("title").asText()).isEqualTo(type.name());
        assertThat(properties).isEqualTo(components);
        assertThat(components).containsAll(required);
    }

    @Test
    void aScoreEventPublishedBeforeTheSubscaleConstantsStillReadsAndValidates() throws Exception {
        ObjectNode json = EventJson.MAPPER.valueToTree(SAMPLES.get("assessment.completed.v1"));
        json.remove("subscaleReliability");
        json.remove("subscaleNormSd");

        assertThat(schema(EventTypes.ASSESSMENT_COMPLETED).validate(json)).isEmpty();
        AssessmentScored old = EventJson.MAPPER.treeToValue(json, AssessmentScored.class);
        assertThat(old.reliability()).isEqualTo(0.72);
        assertThat(old.subscaleReliability()).isNull();
        assertThat(old.subscaleNormSd()).isNull();
    }

    private static JsonSchema schema(EventType<?> type) {
        InputStream in = EventContractsTest.class.getResourceAsStream(type.schemaResource());
        assertThat(in).as("schema for " + type.name()).isNotNull();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
}

package org.peercircle.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
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
import org.peercircle.contracts.participant.ParticipantRegistered;
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

    /** One realistic payload per event type; a type without a sample fails {@link #everyTypeHasASample}. */
    static final Map<String, Object> SAMPLES = Map.of(
            "participant.registered.v1", new ParticipantRegistered(UUID.randomUUID(), UUID.randomUUID(),
                    AgeBand.AGE_60_69, Gender.FEMALE, LivingSituation.WITH_GRANDCHILDREN, true, "COMMUNITY_WORKER", T),
            "participant.status-changed.v1", new ParticipantStatusChanged(UUID.randomUUID(), UUID.randomUUID(),
                    "ENROLLED", "WITHDRAWN", WithdrawalReason.CARING_DUTIES));

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

    private static JsonSchema schema(EventType<?> type) {
        InputStream in = EventContractsTest.class.getResourceAsStream(type.schemaResource());
        assertThat(in).as("schema for " + type.name()).isNotNull();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
}

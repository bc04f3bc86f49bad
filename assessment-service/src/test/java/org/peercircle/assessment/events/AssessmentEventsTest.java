package org.peercircle.assessment.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.peercircle.assessment.Fixtures.form;
import static org.peercircle.assessment.Fixtures.participant;
import static org.peercircle.assessment.Fixtures.socialWorker;
import static org.peercircle.assessment.Fixtures.submitted;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.peercircle.assessment.Fixtures;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.contracts.EventJson;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * assessment-events read from the real broker: what reporting and participant-service rely on (scores, band,
 * reliability, direction, revisions), the contract's schema, and no text of any kind.
 */
@QuarkusTest
class AssessmentEventsTest {

    static final String REASON = "纸质问卷第3题看错了，家属王女士在场";

    @Test
    void completedAndAmendedCarryTheScoresAndNothingElse() throws Exception {
        UUID centre = UUID.randomUUID();
        String worker = socialWorker(centre);
        UUID p = participant(centre);
        UUID group = Fixtures.group(centre);
        UUID id = submitted(worker, form(p, group, "GDS-15", "PRE", """
                {"1": 0, "2": 1, "3": 1, "4": 1, "5": 1, "6": 1, "7": 1, "8": 0, "9": 0, "10": 0,
                 "11": 1, "12": 0, "13": 1, "14": 0}"""));
        given().auth().oauth2(worker).contentType(ContentType.JSON).body("""
                {"version": 0, "reason": "%s", "answers": {"1": 0, "2": 1, "3": 1, "4": 1, "5": 0, "6": 1, "7": 0,
                 "8": 1, "9": 1, "10": 0, "11": 1, "12": 0, "13": 1, "14": 0, "15": 1}}""".formatted(REASON))
                .post("/api/v1/administrations/" + id + "/amendments").then().statusCode(200);

        List<ConsumerRecord<String, String>> records = Fixtures.events(p, 2);
        assertThat(records).hasSize(2).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(p.toString());
            assertThat(Broker.header(r, CloudEventHeaders.SUBJECT)).isEqualTo(p.toString());
            assertThat(r.value()).doesNotContain(REASON, "王女士", "轻度", "Mild", "zh-CN", "GDS (", "Yesavage");
        });
        assertThat(records).extracting(r -> Broker.header(r, CloudEventHeaders.TYPE))
                .containsExactly("assessment.completed.v1", "assessment.amended.v1");

        AssessmentScored completed = EventJson.MAPPER.readValue(records.get(0).value(), AssessmentScored.class);
        assertThat(completed.administrationId()).isEqualTo(id);
        assertThat(completed.revision()).isZero();
        assertThat(completed.participantId()).isEqualTo(p);
        assertThat(completed.centreId()).isEqualTo(centre);
        assertThat(completed.groupId()).isEqualTo(group);
        assertThat(completed.instrumentCode()).isEqualTo("GDS-15");
        assertThat(completed.instrumentVersion()).isEqualTo(1);
        assertThat(completed.phase()).isEqualTo("PRE");
        // 5 points from 14 answers, pro-rated: 5 × 15 / 14 = 5.36 → 5
        assertThat(completed.totalScore()).isEqualTo(5.0);
        assertThat(completed.prorated()).isTrue();
        assertThat(completed.band()).isEqualTo("MILD");
        assertThat(completed.higherIsWorse()).isTrue();
        assertThat(completed.reliability()).isEqualTo(0.80);
        assertThat(completed.normSd()).isNull();
        assertThat(completed.subscaleScores()).isEmpty();
        assertThat(completed.itemValues()).hasSize(14).containsEntry("1", 0.0).containsEntry("13", 1.0)
                .doesNotContainKey("15");
        assertThat(completed.administeredAt().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);

        AssessmentScored amended = EventJson.MAPPER.readValue(records.get(1).value(), AssessmentScored.class);
        assertThat(amended.administrationId()).isEqualTo(id);
        assertThat(amended.revision()).isEqualTo(1);
        // items 1, 5, 7 answered "no" (reversed) and 2, 3, 4, 6, 8, 9, 15 "yes": 10 points → MODERATE
        assertThat(amended.totalScore()).isEqualTo(10.0);
        assertThat(amended.band()).isEqualTo("MODERATE");
        assertThat(amended.prorated()).isFalse();
        assertThat(amended.itemValues()).hasSize(15);

        JsonSchema schema = schema("assessment.completed.v1");
        for (ConsumerRecord<String, String> r : records) {
            JsonNode payload = EventJson.MAPPER.readTree(r.value());
            Set<ValidationMessage> errors = schema.validate(payload);
            assertThat(errors).as(r.value()).isEmpty();
            payload.get("itemValues").fields().forEachRemaining(e -> assertThat(e.getValue().isNumber()).isTrue());
        }
    }

    @Test
    void multipleChoiceAnswersArePublishedAsZeroOrOnePerOption() throws Exception {
        UUID centre = UUID.randomUUID();
        UUID p = participant(centre);
        submitted(socialWorker(centre), form(p, null, "NEEDS-GROUP", "NEEDS",
                "{\"interests\": [5], \"times\": [1, 2], \"barriers\": [1, 2], \"willingness\": 4}"));
        AssessmentScored needs = EventJson.MAPPER.readValue(Fixtures.events(p, 1).get(0).value(),
                AssessmentScored.class);
        assertThat(needs.totalScore()).isNull();
        assertThat(needs.band()).isNull();
        assertThat(needs.phase()).isEqualTo("NEEDS");
        assertThat(needs.itemValues()).containsEntry("barriers.1", 1.0).containsEntry("barriers.2", 1.0)
                .containsEntry("barriers.3", 0.0).containsEntry("interests.5", 1.0).containsEntry("times.3", 0.0)
                .containsEntry("willingness", 4.0).doesNotContainKey("frequency.1");
        assertThat(schema("assessment.completed.v1").validate(EventJson.MAPPER.readTree(
                Fixtures.events(p, 1).get(0).value()))).isEmpty();
    }

    @Test
    void aSubscaleThatDeclaresReliabilityAndNormsCarriesThemForTheReliableChangeIndex() throws Exception {
        String code = "BOND-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR))
                .contentType(ContentType.JSON).body("""
                {"code": "%s", "version": 1, "name": {"zh-CN": "邻里联系", "en": "Neighbourly ties"},
                 "source": "T社区长者服务中心", "licence": "Ours, free to use",
                 "optionSets": {"freq": [{"value": 0, "label": {"zh-CN": "从不", "en": "Never"}},
                                         {"value": 1, "label": {"zh-CN": "有时", "en": "Sometimes"}},
                                         {"value": 2, "label": {"zh-CN": "经常", "en": "Often"}}]},
                 "items": [{"id": "1", "optionSet": "freq", "subscale": "family"},
                           {"id": "2", "optionSet": "freq", "subscale": "family"},
                           {"id": "3", "optionSet": "freq", "subscale": "friends"},
                           {"id": "4", "optionSet": "freq", "subscale": "friends"}],
                 "scoring": {"total": {"code": "total", "method": "SUM", "range": {"min": 0, "max": 8}},
                             "subscales": [
                               {"code": "family", "method": "SUM", "range": {"min": 0, "max": 4},
                                "reliability": 0.74, "norms": {"mean": 2.1, "sd": 1.3, "population": "试点社区"}},
                               {"code": "friends", "method": "SUM", "range": {"min": 0, "max": 4}}]},
                 "higherIsWorse": false, "reliability": 0.81}
                """.formatted(code)).post("/api/v1/instruments").then().statusCode(201)
                .body("scoring.subscales[0].reliability", equalTo(0.74f));
        UUID centre = UUID.randomUUID();
        UUID p = participant(centre);
        submitted(socialWorker(centre), form(p, null, code, "PRE", "{\"1\": 2, \"2\": 1, \"3\": 0, \"4\": 1}"));

        String value = Fixtures.events(p, 1).get(0).value();
        AssessmentScored scored = EventJson.MAPPER.readValue(value, AssessmentScored.class);
        assertThat(scored.subscaleScores()).containsEntry("family", 3.0).containsEntry("friends", 1.0);
        assertThat(scored.reliability()).isEqualTo(0.81);
        assertThat(scored.subscaleReliability()).containsExactlyEntriesOf(Map.of("family", 0.74));
        assertThat(scored.subscaleNormSd()).containsExactlyEntriesOf(Map.of("family", 1.3));
        assertThat(schema("assessment.completed.v1").validate(EventJson.MAPPER.readTree(value))).isEmpty();
    }

    static JsonSchema schema(String type) throws Exception {
        try (InputStream in = AssessmentScored.class.getResourceAsStream(
                EventTypes.ASSESSMENT_COMPLETED.schemaResource().replace("assessment.completed.v1", type))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }
}

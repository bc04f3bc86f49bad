package org.peercircle.participant.privacy;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.participant.Fixtures.createCentre;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventJson;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.Topics;
import org.peercircle.participant.Events;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Personal data never leaves the service: one person goes through everything that publishes an event, with
 * personal data in every field that can hold it, and then the whole participant-events topic is read back
 * from the real broker. No name, phone number, address, note, emergency contact or tie name may appear in
 * any key, header or payload, and every payload must match its contract schema.
 */
@QuarkusTest
class EventPrivacyTest {

    private static final String PHONE = "13512340001";
    private static final String NEW_PHONE = "13512340002";
    private static final String CONTACT_PHONE = "13512340003";

    /** Every piece of personal data this test enters somewhere. */
    private static final List<String> PERSONAL = List.of(
            "欧阳翠花", "欧阳翠华", PHONE, NEW_PHONE, CONTACT_PHONE, "翠竹苑社区", "天水市", "甘肃省", "兰银官话", "秦腔",
            "心脏支架术后", "行走需助行器", "欧阳建国", "儿子", "搬家后情绪低落", "丧偶后极度孤独", "儿子代为签字",
            "本人撤回研究同意", "老战友马德胜", "每周下棋", "女婿刘强", "首次家访记录");

    @Test
    void noPersonalDataIsEverPublished() throws Exception {
        UUID centre = createCentre("Privacy " + UUID.randomUUID());
        String worker = Tokens.of(Roles.SOCIAL_WORKER, centre);
        String id = given().auth().oauth2(worker).contentType(ContentType.JSON).body("""
                {"centreId":"%s","fullName":"欧阳翠花","gender":"FEMALE","birthDate":"1950-02-03","phone":"%s",
                 "neighbourhood":"翠竹苑社区","livingSituation":"WITH_SPOUSE",
                 "hometown":{"province":"甘肃省","city":"天水市"},"movedToCityYear":2016,
                 "moveReason":"JOINING_CHILDREN","dialects":["兰银官话"],"interests":["秦腔"],
                 "mobilityNotes":"行走需助行器","healthNotes":"心脏支架术后","referralSource":"FAMILY",
                 "emergencyContact":{"name":"欧阳建国","relation":"儿子","phone":"%s"}}
                """.formatted(centre, PHONE, CONTACT_PHONE))
                .when().post("/api/v1/participants").then().statusCode(201).extract().path("id");
        String p = "/api/v1/participants/" + id;

        // cohort-changed: her husband died; a corrected name and a new phone ride along
        given().auth().oauth2(worker).contentType("application/merge-patch+json; charset=UTF-8")
                .body("{\"version\":0,\"livingSituation\":\"ALONE\",\"fullName\":\"欧阳翠华\",\"phone\":\"" + NEW_PHONE + "\"}")
                .when().patch(p).then().statusCode(200);
        // status-changed with a note
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"status\":\"SCREENING\",\"note\":\"搬家后情绪低落\"}")
                .when().post(p + "/status").then().statusCode(200);
        // status-changed through a manual screening decision with a reason
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"outcome\":\"ELIGIBLE\",\"reason\":\"丧偶后极度孤独\"}")
                .when().post(p + "/screening-decisions").then().statusCode(201);
        // consent-changed: by proxy, then withdrawn by herself
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"givenBy\":\"PROXY\",\"date\":\"" + LocalDate.now()
                        + "\",\"proxy\":{\"name\":\"女婿刘强\",\"relation\":\"女婿\"},\"note\":\"儿子代为签字\"}")
                .when().put(p + "/consents/ANALYTICS").then().statusCode(200);
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"givenBy\":\"SELF\",\"date\":\"" + LocalDate.now() + "\",\"note\":\"本人撤回研究同意\"}")
                .when().post(p + "/consents/ANALYTICS/withdrawal").then().statusCode(200);
        // network-recorded with named ties
        given().auth().oauth2(worker).contentType(ContentType.JSON)
                .body("{\"recordedOn\":\"" + LocalDate.now() + "\",\"occasion\":\"BASELINE\",\"note\":\"首次家访记录\",\"ties\":["
                        + "{\"name\":\"老战友马德胜\",\"type\":\"PEER\",\"supportKinds\":[\"EXPRESSIVE\"],"
                        + "\"contactFrequency\":\"WEEKLY\",\"closeness\":4,\"note\":\"每周下棋\"},"
                        + "{\"name\":\"欧阳建国\",\"type\":\"FAMILY\",\"supportKinds\":[\"INSTRUMENTAL\"],"
                        + "\"contactFrequency\":\"DAILY\",\"closeness\":5}]}")
                .when().post(p + "/network-snapshots").then().statusCode(201);
        // erased
        given().auth().oauth2(Tokens.of(Roles.COORDINATOR)).when().delete(p).then().statusCode(204);

        List<ConsumerRecord<String, String>> mine = Events.awaitFor(UUID.fromString(id), "participant.erased.v1", 1);
        assertThat(Events.of(UUID.fromString(id))).extracting(Events::type).containsAll(Set.of(
                "participant.registered.v1", "participant.cohort-changed.v1", "participant.status-changed.v1",
                "participant.consent-changed.v1", "participant.network-recorded.v1", "participant.erased.v1"));
        assertThat(mine).isNotEmpty();

        List<ConsumerRecord<String, String>> topic = Broker.readAll(Topics.PARTICIPANT_EVENTS);
        List<String> leaks = new ArrayList<>();
        for (ConsumerRecord<String, String> record : topic) {
            StringBuilder everything = new StringBuilder(String.valueOf(record.key())).append('\n').append(record.value());
            for (Header h : record.headers()) {
                everything.append('\n').append(h.key()).append('=').append(new String(h.value(), UTF_8));
            }
            for (String personal : PERSONAL) {
                if (everything.indexOf(personal) >= 0) {
                    leaks.add(Events.type(record) + " " + record.key() + " carries '" + personal + "'");
                }
            }
        }
        assertThat(leaks).as("personal data on participant-events").isEmpty();

        JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        List<String> broken = new ArrayList<>();
        for (ConsumerRecord<String, String> record : topic) {
            var type = EventTypes.byName(Events.type(record)).orElseThrow(() -> new AssertionError(
                    "unknown event type " + Events.type(record)));
            try (InputStream schemaText = EventTypes.class.getResourceAsStream(type.schemaResource())) {
                JsonSchema schema = schemas.getSchema(schemaText);
                var errors = schema.validate(EventJson.MAPPER.readTree(record.value()));
                if (!errors.isEmpty()) {
                    broken.add(type.name() + ": " + errors);
                }
            }
        }
        assertThat(broken).as("payloads that break their contract").isEmpty();
    }
}

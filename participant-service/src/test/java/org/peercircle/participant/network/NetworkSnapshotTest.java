package org.peercircle.participant.network;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.peercircle.participant.Fixtures.createCentre;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventJson;
import org.peercircle.contracts.participant.NetworkRecorded;
import org.peercircle.participant.Database;
import org.peercircle.participant.Events;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Network maps through REST: snapshots, the comparison, counts-only events, and all-or-nothing writes. */
@QuarkusTest
class NetworkSnapshotTest {

    private static final String BASELINE = """
            {"recordedOn":"%s","occasion":"BASELINE","note":"首次家访","ties":[
              {"name":"女儿 李娟","type":"FAMILY","supportKinds":["INSTRUMENTAL"],"contactFrequency":"WEEKLY","closeness":4},
              {"name":"楼下王阿姨","type":"NEIGHBOUR","supportKinds":["EXPRESSIVE"],"contactFrequency":"MONTHLY","closeness":2}]}
            """;
    private static final String END = """
            {"recordedOn":"%s","occasion":"END_OF_GROUP","ties":[
              {"name":"女儿李娟","type":"FAMILY","supportKinds":["INSTRUMENTAL","EXPRESSIVE"],"contactFrequency":"WEEKLY","closeness":5},
              {"name":"组员张姐","type":"PEER","supportKinds":["EXPRESSIVE"],"contactFrequency":"WEEKLY","closeness":4},
              {"name":"组员刘姐","type":"PEER","supportKinds":["INFORMATIONAL"],"contactFrequency":"DAILY","closeness":3},
              {"name":"社工小陈","type":"COMMUNITY_WORKER","supportKinds":["INFORMATIONAL"],"contactFrequency":"WEEKLY","closeness":3,
               "note":"每周电话回访"}]}
            """;

    @Inject
    DataSource dataSource;

    private String facilitator;
    private UUID id;

    @BeforeEach
    void participant() {
        UUID centre = createCentre("Network " + UUID.randomUUID());
        facilitator = Tokens.of(Roles.FACILITATOR, centre);
        id = Fixtures.newParticipant(Tokens.of(Roles.SOCIAL_WORKER, centre), centre);
    }

    private String post(String body) {
        return given().auth().oauth2(facilitator).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/participants/" + id + "/network-snapshots")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void baselineAndEndOfGroupAreComparedTieByTie() {
        String baseline = post(BASELINE.formatted(LocalDate.now().minusWeeks(8)));
        String end = post(END.formatted(LocalDate.now()));

        given().auth().oauth2(facilitator).when().get("/api/v1/participants/" + id + "/network-snapshots")
                .then().statusCode(200)
                .body("id", contains(baseline, end))
                .body("[0].counts.total", equalTo(2))
                .body("[1].counts.total", equalTo(4))
                .body("[1].counts.formal", equalTo(1))
                .body("[1].ties.find { it.type == 'COMMUNITY_WORKER' }.formal", equalTo(true))
                .body("[1].ties.find { it.type == 'PEER' }.formal", equalTo(false));

        given().auth().oauth2(facilitator).when().get("/api/v1/participants/" + id + "/network-snapshots/compare")
                .then().statusCode(200)
                .body("from.id", equalTo(baseline))
                .body("to.id", equalTo(end))
                .body("comparison.gained", equalTo(3))
                .body("comparison.lost", equalTo(1))
                .body("comparison.byType.find { it.type == 'PEER' }.gained", containsInAnyOrder("组员张姐", "组员刘姐"))
                .body("comparison.byType.find { it.type == 'NEIGHBOUR' }.lost", contains("楼下王阿姨"))
                .body("comparison.byType.find { it.type == 'FAMILY' }.kept", contains("女儿李娟"))
                .body("comparison.bySupport.EXPRESSIVE.before", equalTo(1))
                .body("comparison.bySupport.EXPRESSIVE.after", equalTo(2))
                .body("comparison.formal.after", equalTo(1));

        given().auth().oauth2(facilitator).queryParam("from", end).queryParam("to", baseline)
                .when().get("/api/v1/participants/" + id + "/network-snapshots/compare")
                .then().statusCode(200).body("comparison.gained", equalTo(1)).body("comparison.lost", equalTo(3));
    }

    @Test
    void theEventCarriesCountsOnly() throws Exception {
        String snapshot = post(END.formatted(LocalDate.now()));
        ConsumerRecord<String, String> record = Events.awaitFor(id, "participant.network-recorded.v1", 1).get(0);
        NetworkRecorded event = EventJson.MAPPER.readValue(record.value(), NetworkRecorded.class);
        assertThat(event.snapshotId()).hasToString(snapshot);
        assertThat(event.totalTies()).isEqualTo(4);
        assertThat(event.formalTies()).isEqualTo(1);
        assertThat(event.informalTies()).isEqualTo(3);
        assertThat(event.tiesByType()).isEqualTo(Map.of("FAMILY", 1, "PEER", 2, "NEIGHBOUR", 0, "COMMUNITY_WORKER", 1,
                "ORGANISATION", 0));
        assertThat(event.tiesBySupport()).isEqualTo(Map.of("EXPRESSIVE", 2, "INSTRUMENTAL", 1, "INFORMATIONAL", 2));
        assertThat(record.value()).doesNotContain("李娟", "张姐", "小陈", "回访");
    }

    @Test
    void aPersonWithNoOneIsRecordedToo() {
        post("{\"recordedOn\":\"" + LocalDate.now() + "\",\"occasion\":\"BASELINE\",\"ties\":[]}");
        given().auth().oauth2(facilitator).when().get("/api/v1/participants/" + id + "/network-snapshots")
                .then().body("[0].counts.total", equalTo(0)).body("[0].counts.byType.PEER", equalTo(0));
    }

    @Test
    void oneBadTieRefusesTheWholeSnapshot() {
        String bad = END.formatted(LocalDate.now()).replace("\"closeness\":3,\n", "\"closeness\":9,\n")
                .replace("\"type\":\"PEER\",\"supportKinds\":[\"INFORMATIONAL\"]", "\"type\":\"PEER\",\"supportKinds\":[]");
        given().auth().oauth2(facilitator).contentType(ContentType.JSON).body(bad)
                .when().post("/api/v1/participants/" + id + "/network-snapshots")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(org.hamcrest.Matchers.containsString("closeness")));
        given().auth().oauth2(facilitator).contentType(ContentType.JSON)
                .body(BASELINE.formatted(LocalDate.now()).replace("\"NEIGHBOUR\"", "\"STRANGER\""))
                .when().post("/api/v1/participants/" + id + "/network-snapshots")
                .then().statusCode(400).body("violations.field", hasItem(org.hamcrest.Matchers.containsString("type")));
        given().auth().oauth2(facilitator).contentType(ContentType.JSON)
                .body(BASELINE.formatted(LocalDate.now().plusDays(1)))
                .when().post("/api/v1/participants/" + id + "/network-snapshots")
                .then().statusCode(400).body("violations.field", hasItem("recordedOn"));

        Database db = new Database(dataSource);
        assertThat(db.count("SELECT count(*) FROM network_snapshot WHERE participant_id = ?", id)).isZero();
        assertThat(Events.written(db, "subject = ? AND event_type = 'participant.network-recorded.v1'", id.toString(),
                r -> r.key().equals(id.toString()) && "participant.network-recorded.v1".equals(Events.type(r)))).isZero();
    }

    @Test
    void comparingNeedsSnapshotsOfThisParticipant() {
        given().auth().oauth2(facilitator).when().get("/api/v1/participants/" + id + "/network-snapshots/compare")
                .then().statusCode(404);
        post(BASELINE.formatted(LocalDate.now()));
        given().auth().oauth2(facilitator).queryParam("from", UUID.randomUUID())
                .when().get("/api/v1/participants/" + id + "/network-snapshots/compare")
                .then().statusCode(404);
        given().auth().oauth2(facilitator).queryParam("to", "yesterday")
                .when().get("/api/v1/participants/" + id + "/network-snapshots/compare")
                .then().statusCode(400).body("violations.field", hasItem("to"));
        given().auth().oauth2(facilitator).when().get("/api/v1/participants/" + id + "/network-snapshots/compare")
                .then().statusCode(200).body("comparison.gained", equalTo(0)).body("comparison.byType", hasSize(5));
    }
}

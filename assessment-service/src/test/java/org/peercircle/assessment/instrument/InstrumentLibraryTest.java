package org.peercircle.assessment.instrument;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.peercircle.assessment.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The library through REST: built-ins loaded at start-up, coordinators' definitions, loaded wording. */
@QuarkusTest
class InstrumentLibraryTest {

    private final String coordinator = Tokens.of(Roles.COORDINATOR);

    static String definition(String code, int version, String secondItemText) {
        return """
                {"code": "%s", "version": %d, "name": {"zh-CN": "心情小问卷", "en": "Mood check"},
                 "source": "T社区长者服务中心", "licence": "Ours, free to use",
                 "optionSets": {"freq": [{"value": 1, "label": {"zh-CN": "从不", "en": "Never"}},
                                         {"value": 2, "label": {"zh-CN": "有时", "en": "Sometimes"}},
                                         {"value": 3, "label": {"zh-CN": "经常", "en": "Often"}}]},
                 "items": [{"id": "1", "optionSet": "freq", "reverse": true, "text": {"zh-CN": "我心情愉快"}},
                           {"id": "2", "optionSet": "freq", "text": {"zh-CN": "%s"}}],
                 "scoring": {"reverseKeying": "MIRROR",
                             "total": {"code": "total", "method": "SUM", "range": {"min": 2, "max": 6},
                                       "missing": {"rule": "REQUIRE_ALL"}}},
                 "higherIsWorse": true}
                """.formatted(code, version, secondItemText);
    }

    ValidatableResponse define(String body) {
        return given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(body)
                .post("/api/v1/instruments").then();
    }

    @Test
    void theBuiltInsAreLoadedAtStartUp() {
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, UUID.randomUUID())).queryParam("size", 200)
                .get("/api/v1/instruments")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(10))
                .body("items.code", hasItems("UCLA-3", "DJG-6", "DJG-11", "GSE-10", "LSNS-6", "GDS-15", "SSRS", "ALIENATION-7",
                        "NEEDS-GROUP", "SESSION-FEEDBACK"))
                .body("items.find { it.code == 'GDS-15' }.shipsItemText", equalTo(true))
                .body("items.find { it.code == 'SSRS' }.shipsItemText", equalTo(false))
                .body("items.find { it.code == 'SSRS' }.name.'zh-CN'", equalTo("社会支持评定量表（肖水源）"));
        given().auth().oauth2(coordinator).queryParam("size", 2).queryParam("page", 1).get("/api/v1/instruments")
                .then().statusCode(200).body("items.size()", equalTo(2)).body("page", equalTo(1));
    }

    @Test
    void oneInstrumentWithItsScoringKey() {
        given().auth().oauth2(coordinator).get("/api/v1/instruments/GDS-15")
                .then().statusCode(200)
                .body("version", equalTo(1)).body("versions", contains(1))
                .body("builtIn", equalTo(true))
                .body("items[0].text.en", equalTo("Are you basically satisfied with your life?"))
                .body("items.findAll { it.reverse }.id", contains("1", "5", "7", "11", "13"))
                .body("scoring.total.range.max", equalTo(15))
                .body("scoring.total.missing.rule", equalTo("PRORATE"))
                .body("bands.code", contains("NORMAL", "MILD", "MODERATE", "SEVERE"))
                .body("licence", containsString("Public domain"))
                .body("reliability", equalTo(0.80f));
        given().auth().oauth2(coordinator).get("/api/v1/instruments/DJG-6")
                .then().body("items[1].options.score", contains(1, 1, 0));
        given().auth().oauth2(coordinator).queryParam("version", 9).get("/api/v1/instruments/GDS-15")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(coordinator).get("/api/v1/instruments/NOPE").then().statusCode(404);
    }

    @Test
    void aCoordinatorDefinesVersionsThatBecomeImmutableOnceUsed() {
        String code = "MOOD-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        define(definition(code, 1, "我感到孤单")).statusCode(201)
                .header("Location", containsString("/api/v1/instruments/" + code))
                .body("builtIn", equalTo(false)).body("inUse", equalTo(false))
                .body("items[0].options.size()", equalTo(3));
        define(definition(code, 1, "我感到孤单")).statusCode(200);
        define(definition(code, 1, "我常感到孤单")).statusCode(200);
        given().auth().oauth2(coordinator).get("/api/v1/instruments/" + code)
                .then().body("items[1].text.'zh-CN'", equalTo("我常感到孤单"));

        UUID centre = UUID.randomUUID();
        UUID p = Fixtures.participant(centre);
        Fixtures.submit(Fixtures.socialWorker(centre), Fixtures.form(p, null, code, "PRE", "{\"1\": 3, \"2\": 3}"))
                .statusCode(201).body("totalScore", equalTo(4));

        define(definition(code, 1, "我总是感到孤单")).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("publish version 2"));
        define(definition(code, 1, "我常感到孤单")).statusCode(200);
        define(definition(code, 2, "我总是感到孤单")).statusCode(201);
        given().auth().oauth2(coordinator).get("/api/v1/instruments/" + code)
                .then().body("version", equalTo(2)).body("versions", contains(1, 2)).body("inUse", equalTo(false));
        given().auth().oauth2(coordinator).queryParam("version", 1).get("/api/v1/instruments/" + code)
                .then().body("inUse", equalTo(true)).body("items[1].text.'zh-CN'", equalTo("我常感到孤单"));
    }

    @Test
    void builtInVersionsCannotBeRedefined() throws Exception {
        ObjectNode gds = (ObjectNode) new ObjectMapper().readTree(given().auth().oauth2(coordinator)
                .get("/api/v1/instruments/GDS-15").then().extract().asString());
        gds.remove(List.of("builtIn", "inUse", "versions", "loadedLocales"));
        define(gds.toString()).statusCode(200);
        gds.put("reliability", 0.9);
        define(gds.toString()).statusCode(409).body("detail", containsString("built in"));
    }

    @Test
    void anInvalidDefinitionNamesEveryProblem() {
        define(definition("BAD-1", 1, "x").replace("\"range\": {\"min\": 2, \"max\": 6}", "\"range\": {\"min\": 2, \"max\": 7}")
                .replace("\"optionSet\": \"freq\", \"reverse\": true", "\"optionSet\": \"freq\", \"reversed\": true"))
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", contains("items[0].reversed"));
        define(definition("BAD-1", 1, "x").replace("\"range\": {\"min\": 2, \"max\": 6}", "\"range\": {\"min\": 2, \"max\": 7}"))
                .statusCode(400).body("violations.field", contains("scoring.total.range"))
                .body("violations.message", hasItem(containsString("the items score 2–6")));
        define("{\"code\": \"x\"").statusCode(400);
        given().auth().oauth2(coordinator).get("/api/v1/instruments/BAD-1").then().statusCode(404);
    }

    @Test
    void aCoordinatorLoadsTheWordingOfALocale() {
        String body = """
                {"items": {"1": {"text": "您是否觉得缺少伙伴？", "options": {"1": "几乎从不", "3": "经常"}},
                           "2": {"text": "您是否觉得被冷落？"}}}
                """;
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(body)
                .put("/api/v1/instruments/UCLA-3/versions/1/texts/zh-CN")
                .then().statusCode(200)
                .body("loadedLocales", hasItem("zh-CN"))
                .body("items[0].text.'zh-CN'", equalTo("您是否觉得缺少伙伴？"))
                .body("items[0].options[2].label.'zh-CN'", equalTo("经常"))
                .body("items[0].options[2].label.en", equalTo("Often"))
                .body("items[2].text", nullValue());
        given().auth().oauth2(Tokens.of(Roles.FACILITATOR, UUID.randomUUID())).get("/api/v1/instruments/UCLA-3")
                .then().body("items[1].text.'zh-CN'", equalTo("您是否觉得被冷落？"));

        given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                .body("{\"items\": {\"9\": {\"text\": \"?\"}, \"1\": {\"options\": {\"4\": \"总是\"}}}}")
                .put("/api/v1/instruments/UCLA-3/versions/1/texts/zh-CN")
                .then().statusCode(400).body("violations.field", containsInAnyOrder("items.9", "items.1.options.4"));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(body)
                .put("/api/v1/instruments/UCLA-3/versions/1/texts/not a locale").then().statusCode(400);
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body(body)
                .put("/api/v1/instruments/UCLA-3/versions/5/texts/en").then().statusCode(404);
        given().auth().oauth2(coordinator).get("/api/v1/instruments/UCLA-3")
                .then().body("items[0].text.'zh-CN'", equalTo("您是否觉得缺少伙伴？"))
                .body("loadedLocales", not(hasItem("en")));
    }

    @Test
    void aFormThatFailedLeavesTheVersionUnusedAndAUsedVersionKeepsItsKeyWhileItsWordingChanges() {
        String code = "MOOD-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        define(definition(code, 1, "我感到孤单")).statusCode(201);
        UUID centre = UUID.randomUUID();
        UUID p = Fixtures.participant(centre);
        String worker = Fixtures.socialWorker(centre);

        // a rejected form rolls its mark back: the version can still be corrected, and is scored as corrected
        Fixtures.submit(worker, Fixtures.form(p, null, code, "PRE", "{\"1\": 4, \"2\": 3}")).statusCode(400);
        define(definition(code, 1, "我感到孤单").replace("\"reverse\": true, ", "")).statusCode(200);
        Fixtures.submit(worker, Fixtures.form(p, null, code, "PRE", "{\"1\": 3, \"2\": 3}"))
                .statusCode(201).body("totalScore", equalTo(6));

        // later forms find it used (no further marks) and score with the same key; it stays immutable
        for (int i = 0; i < 3; i++) {
            Fixtures.submit(worker, Fixtures.form(p, null, code, "POST", "{\"1\": 3, \"2\": 2}"))
                    .statusCode(201).body("totalScore", equalTo(5));
        }
        define(definition(code, 1, "我感到孤单")).statusCode(409);

        // wording loaded after the version was used (and its key kept in memory) shows at once, each time it changes
        for (String text : List.of("I feel alone", "I often feel alone")) {
            given().auth().oauth2(coordinator).contentType(ContentType.JSON)
                    .body("{\"items\": {\"2\": {\"text\": \"" + text + "\"}}}")
                    .put("/api/v1/instruments/" + code + "/versions/1/texts/en").then().statusCode(200)
                    .body("items[1].text.en", equalTo(text));
            given().auth().oauth2(coordinator).queryParam("version", 1).get("/api/v1/instruments/" + code)
                    .then().body("items[1].text.en", equalTo(text)).body("items[1].text.'zh-CN'", equalTo("我感到孤单"))
                    .body("inUse", equalTo(true));
            given().auth().oauth2(coordinator).queryParam("version", 1).get("/api/v1/instruments/" + code + "/fhir")
                    .then().statusCode(200).body(containsString(text));
        }
        Fixtures.submit(worker, Fixtures.form(p, null, code, "POST", "{\"1\": 1, \"2\": 1}"))
                .statusCode(201).body("totalScore", equalTo(2));
    }

    @Test
    void concurrentFirstFormsAllSucceedAndTheVersionIsUsed() throws Exception {
        String code = "MOOD-" + ThreadLocalRandom.current().nextInt(100000, 999999);
        define(definition(code, 1, "我感到孤单")).statusCode(201);
        UUID centre = UUID.randomUUID();
        UUID p = Fixtures.participant(centre);
        String worker = Fixtures.socialWorker(centre);
        String form = Fixtures.form(p, null, code, "PRE", "{\"1\": 3, \"2\": 3}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                statuses.add(pool.submit(() -> Fixtures.submit(worker, form).extract().statusCode()));
            }
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        define(definition(code, 1, "我总是感到孤单")).statusCode(409);
        given().auth().oauth2(coordinator).get("/api/v1/instruments/" + code).then().body("inUse", equalTo(true));
    }
}

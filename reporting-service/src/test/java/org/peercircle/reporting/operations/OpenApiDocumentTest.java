package org.peercircle.reporting.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document is what front ends are generated from: every operation has an operationId, a summary and a
 * tag, documents its success with a schema, every query parameter has an example, and schema names are specific
 * enough not to collide in a generated client.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private JsonNode doc;

    @BeforeEach
    void load() throws Exception {
        doc = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }

    private List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                result.add(Map.entry(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue()));
            }
        }
        return result;
    }

    @Test
    void everyOperationHasAnIdASummaryATagAndASuccessSchema() {
        List<String> missing = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (var op : operations()) {
            JsonNode o = op.getValue();
            if (!o.hasNonNull("operationId") || !ids.add(o.get("operationId").asText())) {
                missing.add(op.getKey() + ": operationId missing or repeated");
            }
            if (o.path("summary").asText().isBlank()) {
                missing.add(op.getKey() + ": summary");
            }
            if (o.path("tags").isEmpty()) {
                missing.add(op.getKey() + ": tag");
            }
            List<String> successes = new ArrayList<>();
            o.path("responses").fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    successes.add(code);
                }
            });
            if (successes.isEmpty()) {
                missing.add(op.getKey() + ": no 2xx response");
            }
            for (String code : successes) {
                if (!o.path("responses").path(code).path("content").elements().hasNext()) {
                    missing.add(op.getKey() + ": " + code + " without a schema");
                }
            }
            for (JsonNode parameter : o.path("parameters")) {
                if ("query".equals(parameter.path("in").asText()) && !parameter.has("example")
                        && !parameter.has("examples") && !parameter.path("schema").has("examples")) {
                    missing.add(op.getKey() + " ?" + parameter.path("name").asText() + ": example");
                }
            }
        }
        assertThat(ids).contains("getGroupOutcomes", "getGroupDashboard", "getCentreDashboard", "getCityDashboard",
                "exportAssessments", "exportOutcomes", "startRebuild", "getRebuild", "streamChanges");
        assertThat(missing).isEmpty();
    }

    @Test
    void schemaNamesSayWhatTheyAre() {
        List<String> names = new ArrayList<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("GroupOutcomes", "ScaleOutcome", "CentreDashboard", "CityDashboard", "Cell");
        assertThat(names).as("generated clients get one type per schema name; generic names collide")
                .noneMatch(n -> n.matches(".*\\d$"))
                .doesNotContain("Result", "Reason", "Condition", "Method", "Outcome", "Status", "Category", "Run",
                        "Membership", "Needs", "Interval", "Page");
    }
}

package org.peercircle.participant.operations;

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
 * The OpenAPI document is what community-centre front ends are generated from: every operation has an
 * operationId, a summary and a tag, every field of every request body carries an example, and so does every
 * query parameter.
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
    void everyOperationHasAnIdASummaryAndATag() {
        List<String> missing = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (var op : operations()) {
            if (!op.getValue().hasNonNull("operationId") || !ids.add(op.getValue().get("operationId").asText())) {
                missing.add(op.getKey() + ": operationId missing or repeated");
            }
            if (op.getValue().path("summary").asText().isBlank()) {
                missing.add(op.getKey() + ": summary");
            }
            if (op.getValue().path("tags").isEmpty()) {
                missing.add(op.getKey() + ": tag");
            }
        }
        assertThat(operations()).hasSizeGreaterThanOrEqualTo(22);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyOperationDocumentsItsSuccessWithASchema() {
        List<String> missing = new ArrayList<>();
        for (var op : operations()) {
            List<String> successes = new ArrayList<>();
            op.getValue().path("responses").fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    successes.add(code);
                }
            });
            if (successes.isEmpty()) {
                missing.add(op.getKey() + ": no 2xx response");
            }
            for (String code : successes) {
                JsonNode content = op.getValue().path("responses").path(code).path("content");
                if (!code.equals("204") && !content.elements().hasNext()) {
                    missing.add(op.getKey() + ": " + code + " without a schema");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void schemaNamesSayWhatTheyAre() {
        List<String> names = new ArrayList<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).as("generated clients get one type per schema name; generic names collide")
                .noneMatch(n -> n.matches(".*\\d$"))
                .doesNotContain("Result", "Reason", "Condition", "Method", "Outcome", "Status", "Operator", "Page");
    }

    @Test
    void everyRequestFieldAndQueryParameterHasAnExample() {
        List<String> missing = new ArrayList<>();
        for (var op : operations()) {
            for (JsonNode parameter : op.getValue().path("parameters")) {
                if ("query".equals(parameter.path("in").asText()) && !parameter.has("example")
                        && !parameter.has("examples") && !parameter.path("schema").has("examples")) {
                    missing.add(op.getKey() + " ?" + parameter.path("name").asText());
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> media = op.getValue().path("requestBody").path("content").fields();
                    media.hasNext();) {
                Map.Entry<String, JsonNode> content = media.next();
                checkSchema(content.getValue().path("schema"), op.getKey() + " " + content.getKey(), missing, new HashSet<>());
            }
        }
        assertThat(missing).as("request fields and query parameters without an example").isEmpty();
    }

    /** Follows $refs into object schemas and array items; every leaf property needs examples. */
    private void checkSchema(JsonNode schema, String where, List<String> missing, Set<String> seen) {
        if (schema.has("$ref") && !seen.add(schema.get("$ref").asText())) {
            return;
        }
        JsonNode target = schema.has("$ref") ? component(schema.get("$ref").asText()) : schema;
        if (target.has("items")) {
            checkSchema(target.get("items"), where + "[]", missing, seen);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> props = target.path("properties").fields(); props.hasNext();) {
            Map.Entry<String, JsonNode> prop = props.next();
            JsonNode value = prop.getValue();
            boolean hasExample = value.has("examples") || value.has("example");
            JsonNode referenced = value.has("$ref") ? component(value.get("$ref").asText())
                    : value.path("items").has("$ref") ? component(value.get("items").get("$ref").asText()) : null;
            if (referenced != null && referenced.has("properties") && !hasExample) {
                checkSchema(value, where + "." + prop.getKey(), missing, seen);
            } else if (!hasExample) {
                missing.add(where + "." + prop.getKey());
            }
        }
    }

    private JsonNode component(String ref) {
        return doc.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
    }
}

package org.peercircle.reporting.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.peercircle.testing.OpenApiRules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document front ends are generated from (the rules: {@link OpenApiRules}). */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theDocumentIsCompleteEnoughToGenerateAClientFrom() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        OpenApiRules document = new OpenApiRules(doc);
        assertThat(document.operationIds()).doesNotHaveDuplicates().contains("getGroupOutcomes", "getGroupDashboard",
                "getCentreDashboard", "getCityDashboard", "exportAssessments", "exportOutcomes", "startRebuild",
                "getRebuild", "streamChanges");
        List<String> names = new ArrayList<>();
        doc.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("GroupOutcomes", "ScaleOutcome", "CentreDashboard", "CityDashboard", "Cell");
        assertThat(document.violations()).isEmpty();
    }
}

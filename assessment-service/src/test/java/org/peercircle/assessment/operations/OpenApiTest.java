package org.peercircle.assessment.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peercircle.testing.OpenApiRules;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document front ends are generated from (the rules: {@link OpenApiRules}). */
@QuarkusTest
class OpenApiTest {

    @Test
    void theDocumentIsCompleteEnoughToGenerateAClientFrom() throws Exception {
        OpenApiRules document = new OpenApiRules(new ObjectMapper().readTree(given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString()));
        assertThat(document.operationIds()).doesNotHaveDuplicates().contains("submitAdministration", "getAdministration",
                "getAdministrationAsFhirQuestionnaireResponse", "getParticipantScores", "getGroupAssessmentStatus",
                "getInstrument", "getInstrumentAsFhirQuestionnaire");
        assertThat(document.violations()).isEmpty();
    }
}

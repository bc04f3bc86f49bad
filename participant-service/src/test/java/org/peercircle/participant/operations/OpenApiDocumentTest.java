package org.peercircle.participant.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.peercircle.testing.OpenApiRules;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document community-centre front ends are generated from (the rules: {@link OpenApiRules}). */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theDocumentIsCompleteEnoughToGenerateAClientFrom() throws Exception {
        OpenApiRules document = new OpenApiRules(new ObjectMapper().readTree(given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().asString()));
        assertThat(document.operationIds()).hasSizeGreaterThanOrEqualTo(22).doesNotHaveDuplicates()
                .contains("registerParticipant", "getParticipant", "listParticipants", "changeParticipantStatus");
        assertThat(document.violations()).isEmpty();
    }
}

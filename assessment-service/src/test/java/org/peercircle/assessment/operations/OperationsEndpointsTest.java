package org.peercircle.assessment.operations;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The service runs against the real database and broker and serves its operational endpoints. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readyWhenDatabaseAndKafkaAreUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationHasAnIdATagAndASummary() {
        Map<String, Map<String, Object>> paths = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> ids = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/api/v1/") || !(operation instanceof Map<?, ?> op)) {
                return;
            }
            assertThat(op.get("operationId")).as("%s %s", method, path).isNotNull();
            assertThat((List<String>) op.get("tags")).as("%s %s", method, path).isNotEmpty();
            assertThat(op.get("summary")).as("%s %s", method, path).isNotNull();
            ids.add((String) op.get("operationId"));
        }));
        assertThat(ids).containsExactlyInAnyOrder("listInstruments", "getInstrument", "defineInstrument",
                "loadInstrumentTexts", "getInstrumentAsFhirQuestionnaire", "submitAdministration", "getAdministration",
                "getAdministrationAsFhirQuestionnaireResponse", "amendAdministration", "getParticipantScores",
                "getGroupAssessmentStatus");
    }

    @Test
    void servesAnOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body(containsString("PeerCircle assessment-service"));
    }
}

package org.peercircle.participant.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Health, metrics and OpenAPI are served without a token, for probes, Prometheus and front-end builds. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessCoversDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("Database connections health check"))
                .body(containsString("Kafka"));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsExposeTheOutboxBacklog() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("peercircle_outbox_backlog"))
                .body(containsString("peercircle_outbox_oldest_age_seconds"));
    }

    @Test
    void openApiDocumentNamesEveryOperation() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("\"operationId\" : \"registerParticipant\""))
                .body(containsString("\"operationId\" : \"changeParticipantStatus\""));
    }
}

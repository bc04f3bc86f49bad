package org.peercircle.assessment.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
    void servesAnOpenApiDocument() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).body(containsString("PeerCircle assessment-service"));
    }
}

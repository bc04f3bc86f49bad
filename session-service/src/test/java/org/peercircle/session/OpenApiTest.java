package org.peercircle.session;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The OpenAPI document front ends are generated from: every operation named, tagged and summarised. */
@QuarkusTest
class OpenApiTest {

    @Test
    void everyOperationHasAnIdATagAndASummary() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .when().get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> ids = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/api/v1/") || !(operation instanceof Map)) {
                return;
            }
            assertThat(operation).as(method + " " + path).containsKeys("operationId", "tags", "summary");
            ids.add((String) operation.get("operationId"));
        }));
        assertThat(ids).doesNotHaveDuplicates().contains("createGroup", "listGroups", "getGroup", "updateGroup", "changeGroupStatus",
                "listProgrammeTemplates", "getProgrammeTemplate", "createProgrammeTemplate", "enrolMember",
                "listMembers", "withdrawMember", "listSessions", "addSession", "getSession", "rescheduleSession",
                "cancelSession", "recordAttendance", "getAttendance", "recordProcess", "getProcessRecord",
                "completeSession", "logAdjustment", "listAdjustments", "groupCalendar", "facilitatorCalendar",
                "listThemeTags");
    }
}

package org.peercircle.participant.participant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.peercircle.participant.Fixtures.createCentre;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.peercircle.participant.Fixtures;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Probable duplicates are refused with the existing record's id, unless the caller confirms. */
@QuarkusTest
class DuplicateRegistrationTest {

    private static final LocalDate BORN = LocalDate.of(1952, 3, 8);
    private final String worker = Tokens.of(Roles.COORDINATOR);
    private UUID centre;
    private String existing;

    @BeforeEach
    void anExistingParticipant() {
        centre = createCentre("Duplicates " + UUID.randomUUID());
        existing = post(Fixtures.registration(centre, "王秀英", "13800138100", BORN), false)
                .then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.Response post(String body, boolean confirm) {
        var request = given().auth().oauth2(worker).contentType(ContentType.JSON).body(body);
        if (confirm) {
            request = request.queryParam("confirmDuplicate", "true");
        }
        return request.when().post("/api/v1/participants");
    }

    private long participantsInCentre() {
        return given().auth().oauth2(worker).queryParam("centreId", centre).when().get("/api/v1/participants")
                .then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    @Test
    void samePhoneAndBirthDateIs409NamingTheExistingRecord() {
        post(Fixtures.registration(centre, "陈美华", "13800138100", BORN), false)
                .then().statusCode(409).contentType("application/problem+json")
                .body("existingParticipantId", equalTo(existing))
                .body("matchedOn", containsInAnyOrder("BIRTH_DATE", "PHONE"));
        org.assertj.core.api.Assertions.assertThat(participantsInCentre()).isEqualTo(1);
    }

    @Test
    void aHomophoneOfTheNameWithAnotherPhoneIs409() {
        post(Fixtures.registration(centre, "王秀瑛", "13700137100", BORN), false)
                .then().statusCode(409)
                .body("existingParticipantId", equalTo(existing))
                .body("matchedOn", hasItem("NAME"));
    }

    @Test
    void confirmingRegistersTheSecondPerson() {
        String second = post(Fixtures.registration(centre, "王秀瑛", "13700137100", BORN), true)
                .then().statusCode(201).extract().path("id");
        org.assertj.core.api.Assertions.assertThat(second).isNotEqualTo(existing);
        org.assertj.core.api.Assertions.assertThat(participantsInCentre()).isEqualTo(2);
    }

    @Test
    void anotherBirthDateOrAnotherCentreIsNoDuplicate() {
        post(Fixtures.registration(centre, "王秀英", "13800138100", BORN.plusDays(1)), false).then().statusCode(201);
        UUID otherCentre = createCentre("Duplicates elsewhere " + UUID.randomUUID());
        post(Fixtures.registration(otherCentre, "王秀英", "13800138100", BORN), false).then().statusCode(201);
    }

    @Test
    void confirmDuplicateMustBeABoolean() {
        given().auth().oauth2(worker).contentType(ContentType.JSON).queryParam("confirmDuplicate", "maybe")
                .body(Fixtures.registration(centre, "赵六", "13700137101", BORN))
                .when().post("/api/v1/participants")
                .then().statusCode(400).body("violations.field", hasItem("confirmDuplicate"));
    }
}

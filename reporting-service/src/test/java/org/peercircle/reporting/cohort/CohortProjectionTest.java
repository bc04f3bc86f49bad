package org.peercircle.reporting.cohort;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.participant.ParticipantStatusChanged;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.platform.security.Roles;
import org.peercircle.testing.Broker;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/** The read model is built from events through the real broker and stays exact when events are redelivered. */
@QuarkusTest
class CohortProjectionTest {

    private final UUID centre = UUID.randomUUID();

    @Test
    void redeliveredEventsChangeTheFiguresOnce() {
        UUID alone = UUID.randomUUID();
        UUID drifter = UUID.randomUUID();
        UUID firstDelivery = UUID.randomUUID();
        Broker.publish(EventTypes.PARTICIPANT_REGISTERED, firstDelivery, alone, registered(alone, LivingSituation.ALONE, false));
        Broker.publish(EventTypes.PARTICIPANT_REGISTERED, firstDelivery, alone, registered(alone, LivingSituation.ALONE, false));
        Broker.publish(EventTypes.PARTICIPANT_REGISTERED, UUID.randomUUID(), drifter,
                registered(drifter, LivingSituation.WITH_GRANDCHILDREN, true));
        UUID withdrawal = UUID.randomUUID();
        ParticipantStatusChanged withdrawn = new ParticipantStatusChanged(drifter, centre, "REFERRED", "WITHDRAWN",
                WithdrawalReason.CARING_DUTIES);
        Broker.publish(EventTypes.PARTICIPANT_STATUS_CHANGED, withdrawal, drifter, withdrawn);
        Broker.publish(EventTypes.PARTICIPANT_STATUS_CHANGED, withdrawal, drifter, withdrawn);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, centre))
                .when().get("/api/v1/centres/" + centre + "/dashboard")
                .then().statusCode(200)
                .body("peopleServed", equalTo(2))
                .body("migrants", equalTo(1))
                .body("byStatus.REFERRED", equalTo(1))
                .body("byStatus.WITHDRAWN", equalTo(1))
                .body("byLivingSituation.ALONE", equalTo(1)));

        // a later event proves the duplicates above were consumed (and ignored), not still in flight
        UUID third = UUID.randomUUID();
        Broker.publish(EventTypes.PARTICIPANT_REGISTERED, UUID.randomUUID(), third, registered(third, LivingSituation.ALONE, false));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .auth().oauth2(Tokens.of(Roles.ANALYST))
                .when().get("/api/v1/centres/" + centre + "/dashboard")
                .then().statusCode(200)
                .body("peopleServed", equalTo(3))
                .body("byStatus.WITHDRAWN", equalTo(1)));
    }

    @Test
    void anotherCentresSocialWorkerGets404() {
        given().auth().oauth2(Tokens.of(Roles.SOCIAL_WORKER, UUID.randomUUID()))
                .when().get("/api/v1/centres/" + centre + "/dashboard")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void noTokenIs401Problem() {
        given().when().get("/api/v1/centres/" + centre + "/dashboard")
                .then().statusCode(401).contentType("application/problem+json");
    }

    private ParticipantRegistered registered(UUID id, LivingSituation living, boolean migrant) {
        return new ParticipantRegistered(id, centre, AgeBand.AGE_60_69, Gender.FEMALE, living, migrant, "SELF",
                OffsetDateTime.now());
    }
}

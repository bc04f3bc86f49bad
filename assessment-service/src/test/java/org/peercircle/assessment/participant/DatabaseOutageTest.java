package org.peercircle.assessment.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.infra.PostgresServer;
import org.peercircle.testing.Broker;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * While the database is away, a consumer's failures are not its records' (platform InboxBatches): the batch waits for
 * the database and is applied once it is back, and nothing goes to the dead-letter topic. Before, each record of the
 * batch failed on its own during the outage and was dead-lettered, so a database restart took events out of the
 * directory for good.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnBoot.class)
class DatabaseOutageTest {

    /** A boot of its own: the outage breaks every pooled connection, which no other test should meet. */
    public static class OwnBoot implements QuarkusTestProfile {
    }

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String serviceDatabase;

    @Test
    void aBatchThatMeetsADatabaseOutageWaitsForItAndIsAppliedOnceItIsBack() throws Exception {
        UUID participant = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        try (Connection admin = DriverManager.getConnection(serviceDatabase.replaceAll("/[^/?]+(\\?|$)", "/postgres$1"),
                PostgresServer.USER, PostgresServer.PASSWORD); Statement sql = admin.createStatement()) {
            String database = databaseName();
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            try {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database + "'");
                Broker.publish(EventTypes.PARTICIPANT_REGISTERED, event, participant, registered(participant));
                // the consumer polls the record within moments and meets the outage; it lasts longer than the pool
                // waits for a connection (5 s), so that the record's own transaction fails too
                Thread.sleep(10_000);
            } finally {
                sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(directoryRows(participant)).isEqualTo(1));
        assertThat(Broker.readAll("assessment-service.dead-letter").stream()
                .filter(r -> event.toString().equals(Broker.header(r, CloudEventHeaders.ID))))
                .as("nothing dead-lettered for an outage").isEmpty();
    }

    private String databaseName() {
        return serviceDatabase.replaceAll("^.*/([^/?]+)(\\?.*)?$", "$1");
    }

    private long directoryRows(UUID participant) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM participant_directory WHERE participant_id = ?1")
                .setParameter(1, participant).getSingleResult()).longValue());
    }

    private static ParticipantRegistered registered(UUID participant) {
        return new ParticipantRegistered(participant, UUID.randomUUID(), AgeBand.AGE_70_79, Gender.FEMALE,
                LivingSituation.ALONE, false, "COMMUNITY_WORKER", OffsetDateTime.now());
    }
}

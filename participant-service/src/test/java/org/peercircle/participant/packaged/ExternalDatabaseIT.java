package org.peercircle.participant.packaged;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.Topics;
import org.peercircle.infra.KafkaBroker;
import org.peercircle.infra.Ports;
import org.peercircle.infra.PostgresServer;

import io.restassured.http.ContentType;

/**
 * The packaged service, started as a process, uses whatever PostgreSQL the standard Quarkus environment
 * variables name (as in production and Kubernetes): its Flyway schema and its data land in that database.
 */
class ExternalDatabaseIT {

    @Test
    void theDatasourceVariablesPointTheServiceAtAnExternalPostgres() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).exists();
        try (PostgresServer external = PostgresServer.startTemporary();
                KafkaBroker kafka = new KafkaBroker(Ports.free(), Files.createTempDirectory("it-kafka"), 1).start()) {
            external.createDatabases(List.of("people_elsewhere"));
            kafka.createTopics(Topics.ALL);
            var keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            var pair = keys.generateKeyPair();

            Map<String, String> env = Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", external.jdbcUrl("people_elsewhere"),
                    "QUARKUS_DATASOURCE_USERNAME", PostgresServer.USER,
                    "QUARKUS_DATASOURCE_PASSWORD", PostgresServer.PASSWORD,
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "QUARKUS_OIDC_PUBLIC_KEY", Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
            try (var service = org.peercircle.testing.ServiceProcess.start(jar, Ports.free(), env)
                    .awaitReady(Duration.ofSeconds(90))) {
                given().baseUri(service.baseUrl()).when().get("/q/health/ready").then().statusCode(200);
                given().baseUri(service.baseUrl()).contentType(ContentType.JSON).body("{}")
                        .when().post("/api/v1/centres").then().statusCode(401);
            }

            try (Connection c = DriverManager.getConnection(external.jdbcUrl("people_elsewhere"),
                    PostgresServer.USER, PostgresServer.PASSWORD);
                    ResultSet rs = c.createStatement().executeQuery(
                            "SELECT count(*) FROM flyway_schema_history WHERE success")) {
                rs.next();
                assertThat(rs.getInt(1)).as("migrations applied in the external database").isGreaterThanOrEqualTo(2);
            }
        }
    }
}

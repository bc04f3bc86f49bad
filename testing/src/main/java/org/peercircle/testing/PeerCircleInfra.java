package org.peercircle.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.peercircle.contracts.Topics;
import org.peercircle.infra.KafkaBroker;
import org.peercircle.infra.Ports;
import org.peercircle.infra.PostgresServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real infrastructure of one module's test run, started once for every test in the module: a PostgreSQL
 * server with the service's database, a KRaft Kafka broker with the three topics, and a signing key whose
 * public half the service trusts. Nothing is mocked.
 *
 * <p>Tests reach the running broker through {@link Broker} and sign tokens through {@link Tokens}; both go
 * through JVM-wide channels (string system properties, an MBean), because the test classes and this resource
 * may live in different class loaders.
 */
public class PeerCircleInfra implements QuarkusTestResourceLifecycleManager {

    static final String PRIVATE_KEY_PROPERTY = "peercircle.test.private-key";
    static final String BOOTSTRAP_PROPERTY = "peercircle.test.kafka";
    public static final String ISSUER = "https://peercircle.test/issuer";

    private PostgresServer postgres;
    private KafkaBroker kafka;
    private Path kafkaDir;

    @Override
    public Map<String, String> start() {
        try {
            postgres = PostgresServer.startTemporary();
            postgres.createDatabases(List.of("service"));
            kafkaDir = Files.createTempDirectory("peercircle-kafka");
            kafka = new KafkaBroker(Ports.free(), kafkaDir, 3).start();
            kafka.createTopics(Topics.ALL);

            KeyPair keys = rsaKeys();
            System.setProperty(PRIVATE_KEY_PROPERTY, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()));
            System.setProperty(BOOTSTRAP_PROPERTY, kafka.bootstrapServers());
            BrokerControl.register(kafka);

            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl("service"));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(keys.getPublic().getEncoded()));
            config.put("quarkus.oidc.token.issuer", ISSUER);
            return config;
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("test infrastructure did not start", e);
        }
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.stop();
        }
        if (kafkaDir != null) {
            // every module's run left its broker's log behind (50-250 MB each) until the temp directory filled up
            deleteTree(kafkaDir);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // left for the temp directory's own clean-up: a test run must not fail over it
        }
    }

    private static KeyPair rsaKeys() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}

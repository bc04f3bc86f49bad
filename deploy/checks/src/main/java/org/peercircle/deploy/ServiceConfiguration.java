package org.peercircle.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the services read, taken from their own configuration files (the platform defaults and each
 * service's application.properties), so the manifests are checked against the code, not against a copy.
 */
public final class ServiceConfiguration {

    /**
     * Properties that production sets only from the environment and that therefore appear in no
     * properties file (the local run sets the same names; see deploy/README.md).
     */
    static final Set<String> ENVIRONMENT_ONLY = Set.of(
            "quarkus.http.port",
            "quarkus.datasource.jdbc.url",
            "quarkus.datasource.username",
            "quarkus.datasource.password",
            "quarkus.oidc.auth-server-url",
            "quarkus.oidc.public-key",
            "quarkus.oidc.token.issuer",
            "quarkus.otel.exporter.otlp.endpoint");

    /** Read by the JVM itself, not by Quarkus. */
    static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    private final Map<String, Properties> byService = new HashMap<>();
    private final Properties platform;

    public ServiceConfiguration(Path repositoryRoot, Set<String> services) {
        this.platform = load(repositoryRoot.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"));
        for (String service : services) {
            byService.put(service, load(repositoryRoot.resolve(service + "/src/main/resources/application.properties")));
        }
    }

    public Set<String> services() {
        return byService.keySet();
    }

    /** True when {@code service} reads a property whose environment-variable name is {@code variable}. */
    public boolean reads(String service, String variable) {
        if (JVM_VARIABLES.contains(variable)) {
            return true;
        }
        Set<String> keys = new HashSet<>(ENVIRONMENT_ONLY);
        keys.addAll(propertyNames(platform));
        keys.addAll(propertyNames(byService.getOrDefault(service, new Properties())));
        return keys.stream().anyMatch(k -> environmentName(k).equals(variable));
    }

    /**
     * The Kafka topics the services use beyond what they publish: the ones they consume
     * ({@code mp.messaging.incoming.<channel>.topic}) and, for each service that consumes, its dead-letter topic
     * ({@code <service>.dead-letter}, written by platform/consumer/DeadLetters).
     */
    public Set<String> usedTopics() {
        Set<String> topics = new TreeSet<>();
        byService.forEach((service, p) -> p.stringPropertyNames().stream()
                .filter(k -> k.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic"))
                .forEach(k -> {
                    topics.add(p.getProperty(k));
                    topics.add(service + ".dead-letter");
                }));
        return topics;
    }

    /** MicroProfile Config's mapping: every character that is not a letter or digit becomes '_', upper case. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static Set<String> propertyNames(Properties p) {
        Set<String> names = new HashSet<>();
        for (String key : p.stringPropertyNames()) {
            // profile-specific keys (%prod.x) configure x
            names.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        return names;
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return p;
    }
}

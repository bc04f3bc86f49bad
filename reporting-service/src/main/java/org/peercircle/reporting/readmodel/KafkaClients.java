package org.peercircle.reporting.readmodel;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;

/**
 * Connection settings for the Kafka clients this service builds itself (the rebuild's consumer, the dead-letter
 * producer): taken from the very map Quarkus gives the messaging channels ({@code kafka.*}), so that
 * {@code kafka.bootstrap.servers}, {@code kafka.security.protocol}, {@code kafka.sasl.*} and {@code kafka.ssl.*}
 * (environment variables included) reach them as they reach the channels.
 */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> channelDefaults;

    public Map<String, Object> connection() {
        Map<String, Object> result = new HashMap<>();
        channelDefaults.forEach((key, value) -> {
            if (key.equals("bootstrap.servers") || key.equals("security.protocol") || key.startsWith("sasl.")
                    || key.startsWith("ssl.") || key.equals("tls-configuration-name") || key.equals("client.dns.lookup")) {
                result.put(key, value);
            }
        });
        return result;
    }
}

package org.peercircle.platform.consumer;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;

/**
 * Where the broker is and how to reach it securely, from the same {@code kafka.*} configuration the messaging
 * channels use, for the Kafka clients a service makes itself (the outbox relay's producer, dead letters, a rebuild's
 * consumer): one place, so a TLS or SASL setting applies to all of them.
 */
@ApplicationScoped
public class KafkaConnection {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> channelDefaults;

    public Map<String, Object> settings() {
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

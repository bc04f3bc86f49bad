package org.peercircle.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.OffsetDateTime;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.contracts.EventJson;
import org.peercircle.contracts.EventType;

/** Publishes well-formed CloudEvents with the contract records, as the owning service's outbox relay would. */
final class Events implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    Events(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        producer = new KafkaProducer<>(p);
    }

    <T> void publish(EventType<T> type, String topic, UUID subject, T payload) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject.toString(),
                    EventJson.MAPPER.writeValueAsString(payload));
            add(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            add(record, CloudEventHeaders.ID, UUID.randomUUID().toString());
            add(record, CloudEventHeaders.SOURCE, "/peercircle/bench");
            add(record, CloudEventHeaders.TYPE, type.name());
            add(record, CloudEventHeaders.TIME, OffsetDateTime.now().toString());
            add(record, CloudEventHeaders.SUBJECT, subject.toString());
            add(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            producer.send(record, (m, e) -> {
                if (e != null) {
                    throw new IllegalStateException("publish failed", e);
                }
            });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    <T> void publish(EventType<T> type, UUID subject, T payload) {
        publish(type, type.topic(), subject, payload);
    }

    void flush() {
        producer.flush();
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}

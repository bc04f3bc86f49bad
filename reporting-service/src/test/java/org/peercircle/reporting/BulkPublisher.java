package org.peercircle.reporting;

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
import org.peercircle.testing.Broker;

/**
 * Publishes many events through one producer, with the same CloudEvents headers as {@link Broker#publish}
 * (which opens a producer per event); {@link #flush} sends what is buffered in as few requests as possible.
 */
public final class BulkPublisher implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public BulkPublisher() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Broker.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1000");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(1 << 20));
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(p);
    }

    /** Sends with a fresh event id, which it returns (publish it again with {@link #publish(EventType, UUID, UUID, Object)}). */
    public <T> UUID publish(EventType<T> type, UUID key, T payload) {
        UUID id = UUID.randomUUID();
        publish(type, id, key, payload);
        return id;
    }

    public <T> void publish(EventType<T> type, UUID eventId, UUID key, T payload) {
        publishRaw(type.topic(), key.toString(), type.name(), eventId, json(payload));
    }

    /** Any value under any type: for records that break their contract. */
    public void publishRaw(String topic, String key, String type, UUID eventId, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        add(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        add(record, CloudEventHeaders.ID, eventId.toString());
        add(record, CloudEventHeaders.SOURCE, "/peercircle/test");
        add(record, CloudEventHeaders.TYPE, type);
        add(record, CloudEventHeaders.TIME, OffsetDateTime.now().toString());
        add(record, CloudEventHeaders.SUBJECT, key);
        add(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        producer.send(record);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }

    public static String json(Object payload) {
        try {
            return EventJson.MAPPER.writeValueAsString(payload);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }
}

package org.peercircle.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.contracts.EventJson;
import org.peercircle.contracts.EventType;

/** The module's real test broker: stop and start it, read a topic, publish events as another service would. */
public final class Broker {

    private Broker() {
    }

    public static String bootstrapServers() {
        String servers = System.getProperty(PeerCircleInfra.BOOTSTRAP_PROPERTY);
        if (servers == null) {
            throw new IllegalStateException("PeerCircleInfra has not started");
        }
        return servers;
    }

    /** Stops the broker; records already written survive and are served again after {@link #start()}. */
    public static void stop() {
        BrokerControl.invoke("stop");
    }

    public static void start() {
        BrokerControl.invoke("start");
    }

    /** Every record on {@code topic} so far, read from the beginning by a fresh, group-less consumer. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(bootstrapServers(), topic);
    }

    /** The same, from any broker (the system tests' local run). */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic) {
        Properties p = consumerSettings(bootstrapServers);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * How many records of {@code topics} consumer group {@code group} has not committed yet: zero once it has applied
     * (or dead-lettered) every record written so far.
     */
    public static long lag(String group, List<String> topics) {
        Properties p = consumerSettings(bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            var committed = consumer.committed(new HashSet<>(partitions), Duration.ofSeconds(10));
            return partitions.stream().mapToLong(tp -> end.get(tp)
                    - (committed.get(tp) == null ? 0 : committed.get(tp).offset())).sum();
        }
    }

    private static Properties consumerSettings(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    /** The records on {@code topic} whose CloudEvents type is {@code type} and that match {@code filter}. */
    public static List<ConsumerRecord<String, String>> events(String topic, String type,
            Predicate<ConsumerRecord<String, String>> filter) {
        return readAll(topic).stream().filter(r -> type.equals(header(r, CloudEventHeaders.TYPE))).filter(filter)
                .toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), UTF_8);
    }

    /** Publishes {@code payload} as a CloudEvent with the given id (reuse an id to simulate redelivery). */
    public static <T> void publish(EventType<T> type, UUID eventId, UUID subject, T payload) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), subject.toString(),
                    EventJson.MAPPER.writeValueAsString(payload));
            add(record, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
            add(record, CloudEventHeaders.ID, eventId.toString());
            add(record, CloudEventHeaders.SOURCE, "/peercircle/test");
            add(record, CloudEventHeaders.TYPE, type.name());
            add(record, CloudEventHeaders.TIME, OffsetDateTime.now().toString());
            add(record, CloudEventHeaders.SUBJECT, subject.toString());
            add(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type.name(), e);
        }
    }

    private static void add(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(UTF_8));
    }
}

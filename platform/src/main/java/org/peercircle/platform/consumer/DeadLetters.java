package org.peercircle.platform.consumer;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends a record that fails on its own to the service's dead-letter topic ({@code <service>.dead-letter}), with its
 * key, value and headers and the {@code dead-letter-*} headers SmallRye's own dead-letter strategy writes (reason,
 * cause, topic, partition, offset), so the topic reads the same whichever of the two put a record there.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    KafkaConnection connection;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    private volatile KafkaProducer<String, String> producer;

    public String topic() {
        return service + ".dead-letter";
    }

    /** Returns once the broker has the letter: the failed record's batch is acknowledged after this. */
    public void send(ConsumerRecord<String, String> record, Throwable failure) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(topic(), null, record.key(), record.value(),
                record.headers());
        letter.headers().add("dead-letter-reason", String.valueOf(failure.getMessage()).getBytes(UTF_8));
        if (failure.getCause() != null) {
            letter.headers().add("dead-letter-cause", String.valueOf(failure.getCause().getMessage()).getBytes(UTF_8));
        }
        letter.headers().add("dead-letter-topic", record.topic().getBytes(UTF_8));
        letter.headers().add("dead-letter-partition", String.valueOf(record.partition()).getBytes(UTF_8));
        letter.headers().add("dead-letter-offset", String.valueOf(record.offset()).getBytes(UTF_8));
        try {
            producer().send(letter).get(30, TimeUnit.SECONDS);
            LOG.errorf("Record %s/%d@%d failed on its own and went to %s: %s", record.topic(), record.partition(),
                    record.offset(), topic(), failure.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not dead-letter " + record.topic() + "/" + record.partition() + "@"
                    + record.offset(), e);
        }
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = connection.settings();
                    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
                    producer = new KafkaProducer<>(config);
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }
}

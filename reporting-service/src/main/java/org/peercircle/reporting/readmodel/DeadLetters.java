package org.peercircle.reporting.readmodel;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends a record that fails on its own to the dead-letter topic, with its key, value and headers and the
 * {@code dead-letter-*} headers SmallRye's own dead-letter strategy writes (reason, cause, topic, partition,
 * offset), so the topic reads the same whichever of the two put a record there.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    KafkaClients clients;

    @ConfigProperty(name = "peercircle.reporting.dead-letter-topic", defaultValue = "reporting-service.dead-letter")
    String topic;

    private volatile KafkaProducer<String, String> producer;

    public void send(ConsumerRecord<String, String> record, Throwable failure) {
        ProducerRecord<String, String> letter = new ProducerRecord<>(topic, null, record.key(), record.value(),
                record.headers());
        letter.headers().add("dead-letter-reason", String.valueOf(failure.getMessage()).getBytes(UTF_8));
        if (failure.getCause() != null) {
            letter.headers().add("dead-letter-cause", String.valueOf(failure.getCause().getMessage()).getBytes(UTF_8));
        }
        letter.headers().add("dead-letter-topic", record.topic().getBytes(UTF_8));
        letter.headers().add("dead-letter-partition", String.valueOf(record.partition()).getBytes(UTF_8));
        letter.headers().add("dead-letter-offset", String.valueOf(record.offset()).getBytes(UTF_8));
        try {
            // wait: the batch is acknowledged after this, so the record must be in the topic by then
            producer().send(letter).get(30, TimeUnit.SECONDS);
            LOG.errorf("Record %s/%d@%d failed on its own and went to %s: %s", record.topic(), record.partition(),
                    record.offset(), topic, failure.getMessage());
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
                    Map<String, Object> config = clients.connection();
                    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    config.put(ProducerConfig.ACKS_CONFIG, "all");
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "reporting-service-dead-letters");
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

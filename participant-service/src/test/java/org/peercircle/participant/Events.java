package org.peercircle.participant;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.contracts.Topics;
import org.peercircle.testing.Broker;

/** participant-events as a consumer sees them, through the real broker. */
public final class Events {

    private Events() {
    }

    /** The participant's events in order, once there are at least {@code count} of them. */
    public static List<ConsumerRecord<String, String>> awaitFor(UUID participantId, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> of(participantId), l -> l.size() >= count);
    }

    /** The participant's events of {@code type}, once there are at least {@code count} of them. */
    public static List<ConsumerRecord<String, String>> awaitFor(UUID participantId, String type, int count) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> of(participantId).stream().filter(r -> type.equals(type(r))).toList(),
                        l -> l.size() >= count);
    }

    public static List<ConsumerRecord<String, String>> of(UUID participantId) {
        return Broker.readAll(Topics.PARTICIPANT_EVENTS).stream()
                .filter(r -> participantId.toString().equals(r.key())).toList();
    }

    public static String type(ConsumerRecord<String, String> record) {
        return Broker.header(record, CloudEventHeaders.TYPE);
    }

    /**
     * How many participant events {@code inOutbox} (an SQL condition on outbox_event with one parameter) and
     * {@code inTopic} find: rows still waiting in the outbox plus events already on the topic. The outbox is read
     * first: the relay deletes a row only once Kafka has it, so a row relayed in between is then found on the topic.
     */
    public static long written(Database db, String inOutbox, Object parameter,
            java.util.function.Predicate<ConsumerRecord<String, String>> inTopic) {
        long waiting = db.count("SELECT count(*) FROM outbox_event WHERE " + inOutbox, parameter);
        return waiting + Broker.readAll(Topics.PARTICIPANT_EVENTS).stream().filter(inTopic).count();
    }
}

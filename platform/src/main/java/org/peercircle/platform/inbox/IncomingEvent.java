package org.peercircle.platform.inbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.peercircle.contracts.CloudEventHeaders;
import org.peercircle.contracts.EventType;

import com.fasterxml.jackson.core.JsonProcessingException;

/** An event as a consumer sees it: the CloudEvents attributes from the record headers and the raw payload. */
public record IncomingEvent(UUID id, String type, String source, String subject, OffsetDateTime time,
        String payload) {

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new MalformedEventException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " lacks ce_id or ce_type");
        }
        String time = header(record, CloudEventHeaders.TIME);
        try {
            return new IncomingEvent(UUID.fromString(id), type, header(record, CloudEventHeaders.SOURCE),
                    header(record, CloudEventHeaders.SUBJECT), time == null ? null : OffsetDateTimeText.parse(time),
                    record.value());
        } catch (RuntimeException e) {
            throw new MalformedEventException("record " + id + " has malformed CloudEvents attributes: " + e);
        }
    }

    public boolean is(EventType<?> eventType) {
        return eventType.name().equals(type);
    }

    public <T> T payload(EventType<T> eventType) {
        if (!is(eventType)) {
            throw new IllegalArgumentException("event " + id + " is " + type + ", not " + eventType.name());
        }
        try {
            return PayloadReader.read(payload, eventType.payloadType());
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("payload of " + type + " " + id + " does not match its contract: "
                    + e.getOriginalMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), UTF_8);
    }

    /** A record that does not honour the contract; it is skipped and counted, never retried forever. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}

package org.peercircle.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.peercircle.contracts.EventJson;
import org.peercircle.contracts.EventType;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * Records an event in the caller's transaction. The event becomes visible to {@link OutboxRelay} only when
 * that transaction commits, so a state change and its event are stored together or not at all, and a broker
 * outage never fails the caller.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Transactional(TxType.MANDATORY)
    public <T> UUID publish(EventType<T> type, UUID subject, T payload) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, event_type, subject, payload, occurred_at, traceparent)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS json), ?6, ?7)
                """)
                .setParameter(1, id)
                .setParameter(2, type.topic())
                .setParameter(3, type.name())
                .setParameter(4, subject.toString())
                .setParameter(5, json(payload))
                .setParameter(6, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(7, currentTraceparent())
                .executeUpdate();
        return id;
    }

    private static String json(Object payload) {
        try {
            return EventJson.MAPPER.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be serialised: " + payload.getClass(), e);
        }
    }

    /** The W3C trace context of the request that caused the event, so its trace continues in consumers. */
    private static String currentTraceparent() {
        SpanContext ctx = Span.current().getSpanContext();
        if (!ctx.isValid()) {
            return null;
        }
        return "00-" + ctx.getTraceId() + "-" + ctx.getSpanId() + "-" + ctx.getTraceFlags().asHex();
    }
}

package org.peercircle.platform.outbox;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;
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

    /**
     * The outbox row as SQL, for a writer that stores its own rows and the event in one statement (a data-modifying
     * {@code WITH}); bind its parameters with {@link #bind}.
     */
    public static final String INSERT = """
            INSERT INTO outbox_event (id, topic, event_type, subject, payload, occurred_at, traceparent)
            VALUES (?, ?, ?, ?, CAST(? AS json), ?, ?)""";

    /** An event ready to be stored: its id, where it goes, its serialised payload and the request's trace. */
    public record Event(UUID id, String topic, String type, String subject, String payload, OffsetDateTime occurredAt,
            String traceparent) {
    }

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Transactional(TxType.MANDATORY)
    public <T> UUID publish(EventType<T> type, UUID subject, T payload) {
        Event event = event(type, subject, payload);
        // plain JDBC on the transaction's connection: no ORM query to parse, no flush of unrelated entities
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                bind(insert, 1, event);
                insert.executeUpdate();
            }
        });
        return event.id();
    }

    /** The event as it will be stored; store it with {@link #INSERT} in the same transaction as the change. */
    public <T> Event event(EventType<T> type, UUID subject, T payload) {
        wakeRelayOnCommit();
        return new Event(UUID.randomUUID(), type.topic(), type.name(), subject.toString(), json(payload),
                OffsetDateTime.now(ZoneOffset.UTC), currentTraceparent());
    }

    /** Once per transaction: the relay then publishes the event as soon as it is committed, not at its next poll. */
    private void wakeRelayOnCommit() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE
                || transactions.getResource(Outbox.class) != null) {
            return;
        }
        transactions.putResource(Outbox.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    /**
     * Binds {@code event} to the seven parameters of {@link #INSERT}, from parameter {@code first} on.
     *
     * @return the index of the next parameter
     */
    public static int bind(PreparedStatement statement, int first, Event event) throws SQLException {
        int i = first;
        statement.setObject(i++, event.id());
        statement.setString(i++, event.topic());
        statement.setString(i++, event.type());
        statement.setString(i++, event.subject());
        statement.setString(i++, event.payload());
        statement.setObject(i++, event.occurredAt());
        statement.setString(i++, event.traceparent());
        return i;
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

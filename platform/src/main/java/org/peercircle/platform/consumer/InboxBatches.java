package org.peercircle.platform.consumer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.peercircle.platform.inbox.Inbox;
import org.peercircle.platform.inbox.IncomingEvent;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Applies a polled batch of records exactly once each, in one transaction: one inbox insert and one commit for the
 * batch instead of one per record (a city's worth of registrations arrives as tens of thousands of events). If the
 * batch fails, each record is tried in a transaction of its own, and only a record that fails alone goes to the
 * dead-letter topic; the inbox keeps a record that did commit from being applied twice. Records are applied in the
 * order they were polled, so the order per key holds.
 *
 * <p>A failure is only a record's fault while the service can work: while the database does not answer (or a
 * connection to it broke) the batch waits for it and is tried again whole, and while the service is stopping it is
 * left unacknowledged ({@link ServiceStopping}; the channels' failure strategy is {@code fail}), so that it is polled
 * again, by this replica after a restart or by another. Dead-lettering then would take the batch's good records out
 * of the read models for good, on every database restart and every rolling deploy.
 */
@ApplicationScoped
public class InboxBatches {

    private static final Logger LOG = Logger.getLogger(InboxBatches.class);

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    AgroalDataSource database;

    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private volatile boolean stopping;

    /** Thrown instead of dead-lettering while the service stops: the batch is neither applied nor acknowledged. */
    public static final class ServiceStopping extends IllegalStateException {
        ServiceStopping(Throwable cause) {
            super("the service is stopping; the batch is left to be polled again", cause);
        }
    }

    void stopping(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    /** Whether the service has begun to stop (read by {@link StopAtFault} too). */
    boolean isStopping() {
        return stopping;
    }

    public void consume(ConsumerRecords<String, String> polled, Consumer<IncomingEvent> handler) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        consume(records, handler);
    }

    /** @param records polled records in their order, possibly a selection of a batch */
    public void consume(List<ConsumerRecord<String, String>> records, Consumer<IncomingEvent> handler) {
        commitOrSplit(records, part -> {
            for (IncomingEvent event : inbox.receiveAll(part)) {
                apply(event, handler);
            }
        });
    }

    /**
     * Runs {@code apply} over all the records in one new transaction; if that fails, over each record alone in a
     * transaction of its own, and a record that fails alone goes to the dead-letter topic. For consumers that take
     * the records through the inbox themselves ({@code apply} must, so that a record that did commit is not applied
     * twice).
     */
    public void commitOrSplit(List<ConsumerRecord<String, String>> records,
            Consumer<List<ConsumerRecord<String, String>>> apply) {
        RuntimeException batchFailure = records.isEmpty() ? null : applyWhole(records, apply);
        if (batchFailure == null) {
            return;
        }
        LOG.warnf("A batch of %d records failed (%s); applying them one at a time", records.size(),
                batchFailure.getMessage());
        for (ConsumerRecord<String, String> record : records) {
            RuntimeException poison = applyWhole(List.of(record), apply);
            if (poison != null) {
                deadLetters.send(record, poison);
            }
        }
    }

    /**
     * Applies the records in one transaction, tried again for as long as the failure is the service's own.
     *
     * @return null once applied, or the failure that is the records' own
     */
    private RuntimeException applyWhole(List<ConsumerRecord<String, String>> records,
            Consumer<List<ConsumerRecord<String, String>>> apply) {
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply.accept(records));
                return null;
            } catch (RuntimeException failure) {
                if (!serviceAtFault(failure)) {
                    return failure;
                }
            }
        }
    }

    /**
     * Whether a failure is the service's rather than the records': it is stopping (then this throws
     * {@link ServiceStopping}), a connection broke, or the database does not answer. Returns true once the database
     * answers again, waiting with back-off.
     */
    private boolean serviceAtFault(RuntimeException failure) {
        if (stopping) {
            throw new ServiceStopping(failure);
        }
        if (!connectionFailure(failure) && databaseAnswers()) {
            return false;
        }
        LOG.warnf("The database cannot be reached (%s); consuming waits for it", failure.getMessage());
        long waitMillis = 100;
        do {
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStopping(failure);
            }
            if (stopping) {
                throw new ServiceStopping(failure);
            }
            waitMillis = Math.min(waitMillis * 2, LONGEST_WAIT.toMillis());
        } while (!databaseAnswers());
        return true;
    }

    /** SQLSTATE class 08 (connection exception) or 57P (the server shuts down or cannot take connections yet). */
    private static boolean connectionFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private boolean databaseAnswers() {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private void apply(IncomingEvent event, Consumer<IncomingEvent> handler) {
        try {
            handler.accept(event);
            inbox.counted(event, true);
        } catch (IncomingEvent.MalformedEventException e) {
            // its id stays recorded so it is not retried, as Inbox.receive does
            LOG.errorf("Skipping event that breaks its contract: %s", e.getMessage());
            inbox.counted(event, false);
        }
    }
}

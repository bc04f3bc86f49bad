package org.peercircle.platform.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;
import org.peercircle.platform.inbox.Inbox;
import org.peercircle.platform.inbox.IncomingEvent;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a polled batch of records exactly once each, in one transaction: one inbox insert and one commit for the
 * batch instead of one per record (a city's worth of registrations arrives as tens of thousands of events). If the
 * batch fails, each record is tried in a transaction of its own, and only a record that fails alone goes to the
 * dead-letter topic; the inbox keeps a record that did commit from being applied twice. Records are applied in the
 * order they were polled, so the order per key holds.
 */
@ApplicationScoped
public class InboxBatches {

    private static final Logger LOG = Logger.getLogger(InboxBatches.class);

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

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
        if (records.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> apply.accept(records));
        } catch (RuntimeException batchFailure) {
            LOG.warnf("A batch of %d records failed (%s); applying them one at a time", records.size(),
                    batchFailure.getMessage());
            for (ConsumerRecord<String, String> record : records) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> apply.accept(List.of(record)));
                } catch (RuntimeException poison) {
                    deadLetters.send(record, poison);
                }
            }
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

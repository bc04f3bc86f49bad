package org.peercircle.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "peercircle.outbox")
public interface OutboxConfig {

    /** False in services that publish nothing (reporting-service). */
    boolean enabled();

    /**
     * How long the relay waits between rounds when nothing wakes it: committed rows wake it at once, so this only
     * bounds how long a row waits when another replica was relaying as it was committed.
     */
    Duration pollInterval();

    /** The least time from the end of one round to the start of the next: under load, rows gather meanwhile. */
    Duration batchWindow();

    /** Rows published per database transaction. */
    int batchSize();

    /** First pause after Kafka refused a batch; doubles on each further failure up to {@link #backoffMax()}. */
    Duration backoffInitial();

    Duration backoffMax();

    /** How long the relay waits for the broker to acknowledge a batch. */
    Duration sendTimeout();
}

package org.peercircle.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

@ConfigMapping(prefix = "peercircle.outbox")
public interface OutboxConfig {

    /** False in services that publish nothing (reporting-service). */
    boolean enabled();

    /** How long the relay waits between rounds: the most an event waits for it while the broker is up. */
    Duration pollInterval();

    /** Rows published per database transaction. */
    int batchSize();

    /** First pause after Kafka refused a batch; doubles on each further failure up to {@link #backoffMax()}. */
    Duration backoffInitial();

    Duration backoffMax();

    /** How long the relay waits for the broker to acknowledge a batch. */
    Duration sendTimeout();
}

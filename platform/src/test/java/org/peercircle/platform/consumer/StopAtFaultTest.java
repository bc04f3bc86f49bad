package org.peercircle.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.peercircle.platform.consumer.InboxBatches.ServiceStopping;

import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;

/** The failure strategy, driven through a record's nack as the connector drives it. */
class StopAtFaultTest {

    private final List<Throwable> reported = new ArrayList<>();
    private boolean stopping;
    private final IncomingKafkaRecord<String, String> record = new IncomingKafkaRecord<>(
            new ConsumerRecord<>("assessment-events", 0, 42L, "key", "{}"), "assessment-events", -1, null,
            StopAtFault.handler("assessment-events", (failure, fatal) -> reported.add(failure), () -> stopping),
            false, false);

    @Test
    void whileTheServiceStopsOnlyTheFirstRecordNotAppliedIsReportedAndNoneFails() throws Exception {
        stopping = true;
        RejectedExecutionException refused = new RejectedExecutionException("worker pool closed");

        done(record.nack(refused));
        done(record.nack(new RejectedExecutionException("worker pool closed")));
        done(record.nack(new IllegalStateException("connection closed")));

        assertThat(reported).containsExactly(refused);
    }

    @Test
    void aBatchThatFailedBecauseTheServiceStopsIsLeftEvenBeforeTheShutdownEventReachesTheStrategy()
            throws Exception {
        ServiceStopping stop = new ServiceStopping(new IllegalStateException("connection closed"));

        done(record.nack(stop));
        done(record.nack(new ServiceStopping(new IllegalStateException("connection closed"))));

        assertThat(reported).containsExactly(stop);
    }

    @Test
    void anyOtherFailureStopsTheChannelAsFailStopDoes() {
        IllegalStateException failure = new IllegalStateException("could not dead-letter",
                new SQLException("no connection"));

        assertThatThrownBy(() -> done(record.nack(failure))).hasRootCauseInstanceOf(SQLException.class);

        assertThat(reported).containsExactly(failure);
    }

    private static void done(CompletionStage<Void> nack) throws Exception {
        nack.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
}

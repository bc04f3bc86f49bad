package org.peercircle.platform.consumer;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.peercircle.platform.consumer.InboxBatches.ServiceStopping;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailStop;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The consumers' failure strategy: the connector's fail-stop, except while the service stops. Then the records it
 * polled but did not apply (a batch that failed as the database went away, {@link ServiceStopping}, or batches the
 * closed worker pool refused) stay unacknowledged, as with fail-stop: their offsets are not committed, and they are
 * polled again after the restart. But fail-stop logged an ERROR and a WARN with a stack trace for every one of them
 * (1,515 of each when a service stopped in the middle of a catch-up), for a stop that loses nothing. This reports
 * the first to the connector, which stops the channel, and says nothing of the rest.
 */
@ApplicationScoped
@Identifier(StopAtFault.NAME)
public class StopAtFault implements KafkaFailureHandler.Factory {

    public static final String NAME = "stop-at-fault";
    private static final Logger LOG = Logger.getLogger(StopAtFault.class);

    @Inject
    InboxBatches batches;

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        return handler(config.getChannel(), reportFailure, batches::isStopping);
    }

    static KafkaFailureHandler handler(String channel, BiConsumer<Throwable, Boolean> reportFailure,
            BooleanSupplier stopping) {
        KafkaFailStop failStop = new KafkaFailStop(channel, reportFailure);
        AtomicBoolean told = new AtomicBoolean();
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (!stopping.getAsBoolean() && !causedBy(reason, ServiceStopping.class)) {
                    return failStop.handle(record, reason, metadata);
                }
                if (told.compareAndSet(false, true)) {
                    LOG.infof("The service is stopping: records of channel %s that were polled but not applied stay "
                            + "unacknowledged and are polled again after the restart", channel);
                    // stops the channel at once, as fail-stop does: else closing waits its timeout for these records
                    reportFailure.accept(reason, true);
                }
                return Uni.createFrom().voidItem();
            }
        };
    }

    private static boolean causedBy(Throwable reason, Class<? extends Throwable> type) {
        for (Throwable t = reason; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

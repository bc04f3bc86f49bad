package org.peercircle.reporting.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.peercircle.contracts.Topics;
import org.peercircle.reporting.readmodel.Sql;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Tells open dashboards that the read model changed. A consumer calls {@link #changed} inside its transaction;
 * that issues a PostgreSQL {@code NOTIFY}, which the database delivers only if and when the transaction commits,
 * and to every replica of the service: each replica LISTENs on its own connection and pushes a small message
 * (the topic only: no ids, nothing a subscriber of another centre should not see) to its open event streams.
 * The dashboard then re-reads what it shows through the ordinary, centre-scoped endpoints.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final Logger LOG = Logger.getLogger(LiveUpdates.class);
    public static final String CHANNEL = "reporting_changed";

    @Inject
    Sql sql;

    /** Its own connection (LISTEN holds it for good), so not one of the pool's. */
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();
    private volatile boolean running = true;
    private Thread listener;

    /** Called in the consumer's transaction after an event changed the read model. */
    public void changed(String topic, String key) {
        if (Topics.ALL.contains(topic)) {
            sql.list("SELECT pg_notify(?, ?)", rs -> null, CHANNEL, topic);
        }
    }

    /** Called in the transaction that recomputed the dashboard tallies (see dashboard/TallyBacklog). */
    public void tallied() {
        sql.list("SELECT pg_notify(?, 'tallies')", rs -> null, CHANNEL);
    }

    /** Change messages as JSON text, for as long as the subscriber stays. */
    public Multi<String> stream() {
        return changes;
    }

    void start(@Observes StartupEvent ignored) {
        listener = new Thread(this::listen, "read-model-change-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection c = DriverManager.getConnection(url, username.orElse(null), password.orElse(null));
                    Statement st = c.createStatement()) {
                st.execute("LISTEN " + CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                backoff = 500;
                while (running) {
                    PGNotification[] received = pg.getNotifications(1000);
                    if (received != null) {
                        Set<String> topics = new java.util.TreeSet<>();
                        for (PGNotification n : received) {
                            topics.add(n.getParameter());
                        }
                        for (String topic : topics) {
                            changes.onNext("{\"topic\":\"" + topic + "\",\"at\":\"" + Instant.now() + "\"}");
                        }
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("Listening for read model changes failed (%s); retrying in %d ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 30_000);
            }
        }
    }
}

package org.peercircle.reporting.dashboard;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.peercircle.reporting.live.LiveUpdates;
import org.peercircle.reporting.readmodel.Sql;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Lets consumers that are catching up apply their batches without settling the dashboard tallies batch by batch,
 * and settles them all at once when they have caught up.
 *
 * <p>Settling a batch as it goes costs about as much as applying it (each person it touches is locked and their
 * contribution read before and after the writes), while {@link Tallies#recomputeAll} costs about as much as settling
 * one large batch. So a batch of at least {@code defer-from-batch-size} records (a consumer that polls full batches
 * is behind) opens the backlog, and batches are then applied without settling until it is settled: once no such
 * batch has started for {@code settle-after-idle} (or for twice as long as the last recomputation took, if longer),
 * before the next batch once it has been open for {@code max-deferral}, and at start-up if a restart found it open.
 *
 * <p>One advisory lock per schema (the settlement lock) keeps this exact:
 * <ul>
 * <li>every batch takes it shared and then reads the backlog row: present, the batch defers; absent, it settles as
 * it goes;</li>
 * <li>opening the backlog (inserting the row) takes it exclusively in a transaction of its own, so batches still
 * settling as they go finish first: none of them can read a person half-way through a deferred batch and put part of
 * that batch into the tallies;</li>
 * <li>settling takes it exclusively, removes the row and recomputes the tallies in one transaction: dashboards show
 * the tallies from before all deferred batches or after all of them, never part of one.</li>
 * </ul>
 * The row is settlement bookkeeping, not a read model: a rebuild recomputes its own tallies before the swap.
 */
@ApplicationScoped
public class TallyBacklog {

    private static final Logger LOG = Logger.getLogger(TallyBacklog.class);

    /** The settlement lock: advisory lock (this class id, hash of the schema), apart from the per-person locks. */
    private static final String LOCK = "(7381, hashtext(current_schema()))";

    @Inject
    Sql sql;

    @Inject
    Tallies tallies;

    @Inject
    LiveUpdates live;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "peercircle.reporting.tallies.defer-from-batch-size")
    int deferFromBatchSize;

    @ConfigProperty(name = "peercircle.reporting.tallies.settle-after-idle")
    Duration settleAfterIdle;

    @ConfigProperty(name = "peercircle.reporting.tallies.max-deferral")
    Duration maxDeferral;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tally-settlement");
        t.setDaemon(true);
        return t;
    });

    // what this replica knows of the backlog; the row in the database is what counts
    private long openSince = -1;
    private int largeBatchesInFlight;
    private ScheduledFuture<?> idleSettlement;
    private volatile long lastRecomputation;

    void settleLeftOver(@Observes StartupEvent ignored) {
        if (QuarkusTransaction.requiringNew().call(this::isOpen)) {
            LOG.info("The dashboard tallies were left unsettled: settling them");
            timer.execute(this::settleQuietly);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /**
     * Before a batch's transaction: opens the backlog for a large batch, settles one left open too long.
     *
     * @return whether the batch is large, for {@link #afterBatch}
     */
    public boolean beforeBatch(int records) {
        boolean large = records >= deferFromBatchSize;
        boolean open;
        boolean overdue;
        synchronized (this) {
            if (large) {
                largeBatchesInFlight++;
                cancelIdleSettlement();
            }
            open = openSince >= 0;
            overdue = open && System.nanoTime() - openSince > maxDeferral.toNanos();
        }
        if (overdue) {
            settle();
            open = false;
        }
        if (large && !open) {
            QuarkusTransaction.requiringNew().run(() -> {
                sql.list("SELECT pg_advisory_xact_lock" + LOCK, rs -> null);
                sql.update("INSERT INTO tally_backlog DEFAULT VALUES ON CONFLICT DO NOTHING");
            });
            opened();
        }
        return large;
    }

    /**
     * The first statements of a batch's transaction: takes the settlement lock shared.
     *
     * @return whether the batch is to be applied without settling the tallies
     */
    public boolean deferring() {
        boolean open = sql.countAfter("SELECT pg_advisory_xact_lock_shared" + LOCK, "SELECT count(*) FROM tally_backlog") > 0;
        if (open) {
            opened();
        } else {
            synchronized (this) {
                openSince = -1;
            }
        }
        return open;
    }

    /**
     * After a batch's transaction, whether it committed or not: settles once large batches stop coming (small ones,
     * a live trickle beside a topic that catches up, do not put it off).
     */
    public void afterBatch(boolean large) {
        synchronized (this) {
            if (large) {
                largeBatchesInFlight--;
                cancelIdleSettlement();
            }
            if (openSince >= 0 && largeBatchesInFlight == 0 && idleSettlement == null) {
                // a recomputation reads everything: a pause in a long catch-up shorter than two of them is not worth one
                long delay = Math.max(settleAfterIdle.toNanos(), 2 * lastRecomputation);
                idleSettlement = timer.schedule(this::settleQuietly, delay, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Recomputes the tallies if the backlog is open, in a transaction of its own. */
    public void settle() {
        long start = System.nanoTime();
        boolean settled = QuarkusTransaction.requiringNew().call(() -> {
            sql.list("SELECT pg_advisory_xact_lock" + LOCK, rs -> null);
            if (sql.update("DELETE FROM tally_backlog") == 0) {
                return false;
            }
            tallies.recomputeAll();
            live.tallied();
            return true;
        });
        synchronized (this) {
            openSince = -1;
        }
        if (settled) {
            lastRecomputation = System.nanoTime() - start;
            registry.counter("peercircle.tallies.recomputed").increment();
        }
    }

    private void settleQuietly() {
        synchronized (this) {
            idleSettlement = null;
        }
        try {
            settle();
        } catch (RuntimeException e) {
            // the row stays, and so does the promise to settle it
            LOG.warnf("Settling the dashboard tallies failed (%s); retrying in 5 s", e.getMessage());
            timer.schedule(this::settleQuietly, 5, TimeUnit.SECONDS);
        }
    }

    private void cancelIdleSettlement() {
        if (idleSettlement != null) {
            idleSettlement.cancel(false);
            idleSettlement = null;
        }
    }

    private synchronized void opened() {
        if (openSince < 0) {
            openSince = System.nanoTime();
        }
    }

    private boolean isOpen() {
        return sql.count("SELECT count(*) FROM tally_backlog") > 0;
    }

    /**
     * For tests: the batch size from which batches defer settlement.
     *
     * @return the size before
     */
    int deferFromBatchSize(int records) {
        int before = deferFromBatchSize;
        deferFromBatchSize = records;
        return before;
    }
}

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
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Lets consumers that are catching up apply their batches without settling the dashboard tallies batch by batch,
 * and settles them all at once when they have caught up.
 *
 * <p>Settling a batch as it goes costs about as much as applying it (each person it touches is locked and their
 * contribution read before and after the writes), while {@link Tallies#everyone} costs about as much as settling one
 * large batch. So a batch of at least {@code defer-from-batch-size} records (a consumer that polls full batches is
 * behind) opens the backlog, and batches are then applied without settling (each leaving a row in
 * {@code tally_backlog}) until it is settled: once no such batch has started for {@code settle-after-idle} (or for
 * twice as long as the last recomputation took, if longer), before the next batch once it has been open for
 * {@code max-deferral}, and at start-up if a restart found it open.
 *
 * <p>One advisory lock per schema (the settlement lock) keeps this exact:
 * <ul>
 * <li>every batch takes it shared and then looks at the backlog: open, the batch defers and adds its row; empty, it
 * settles as it goes;</li>
 * <li>opening the backlog takes it exclusively in a transaction of its own, so batches still settling as they go
 * finish first: none of them can read a person half-way through a deferred batch and put part of it in the
 * tallies;</li>
 * <li>the recomputation reads everything from one snapshot (repeatable read), while the consumers go on: a batch is in
 * it whole or not at all. Only to write does it take the lock exclusively, so that no deferred batch is still running
 * when the backlog may become empty; it then removes the rows of the batches its snapshot saw (a batch committed after
 * the snapshot keeps its row, and so the backlog stays open) and replaces the tallies. Dashboards see the tallies of
 * that snapshot or the ones before, never part of a batch.</li>
 * </ul>
 * The backlog is settlement bookkeeping, not a read model: a rebuild recomputes its own tallies before the swap.
 */
@ApplicationScoped
public class TallyBacklog {

    private static final Logger LOG = Logger.getLogger(TallyBacklog.class);

    /** The settlement lock: advisory lock (this class id, hash of the schema), apart from the per-person locks. */
    private static final String LOCK = "(7381, hashtext(current_schema()))";

    /** Reading everything may take a while; it holds up no one meanwhile. */
    private static final int RECOMPUTATION_TIMEOUT_SECONDS = 3600;

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

    // what this replica knows of the backlog; the rows in the database are what counts
    private long openSince = -1;
    private int largeBatchesInFlight;
    private ScheduledFuture<?> idleSettlement;
    private volatile long lastRecomputation;
    private volatile boolean stopping;

    void settleLeftOver(@Observes StartupEvent ignored) {
        if (QuarkusTransaction.requiringNew().call(this::isOpen)) {
            LOG.info("The dashboard tallies were left unsettled: settling them");
            timer.execute(this::settleQuietly);
        }
    }

    void stopping(@Observes ShutdownEvent ignored) {
        stopping = true;
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    /**
     * Before a batch's transaction: opens the backlog for a large batch, has one left open too long settled beside it.
     *
     * @return whether the batch is large, for {@link #afterBatch}
     */
    public boolean beforeBatch(int records) {
        boolean large = records >= deferFromBatchSize;
        boolean open;
        synchronized (this) {
            if (large) {
                largeBatchesInFlight++;
                cancelIdleSettlement();
            }
            open = openSince >= 0;
            if (open && System.nanoTime() - openSince > maxDeferral.toNanos()) {
                // beside the consumers, which go on deferring; the next one in another max-deferral at the earliest
                openSince = System.nanoTime();
                timer.execute(this::settleQuietly);
            }
        }
        if (large && !open) {
            QuarkusTransaction.requiringNew().run(() -> {
                sql.list("SELECT pg_advisory_xact_lock" + LOCK, rs -> null);
                sql.update("INSERT INTO tally_backlog VALUES (gen_random_uuid())");
            });
            opened();
        }
        return large;
    }

    /**
     * The first statements of a batch's transaction: takes the settlement lock shared and, if the backlog is open, adds
     * the batch to it (one round trip).
     *
     * @return whether the batch is to be applied without settling the tallies
     */
    public boolean deferring() {
        boolean open = sql.countAfter("SELECT pg_advisory_xact_lock_shared" + LOCK, """
                WITH added AS (INSERT INTO tally_backlog SELECT gen_random_uuid() WHERE EXISTS (SELECT FROM tally_backlog)
                               RETURNING batch)
                SELECT count(*) FROM added
                """) > 0;
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
    void settle() {
        long start = System.nanoTime();
        boolean settled = QuarkusTransaction.requiringNew().timeout(RECOMPUTATION_TIMEOUT_SECONDS).call(() -> {
            sql.update("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            // the snapshot is taken here: what it holds is what the tallies will say
            if (!isOpen()) {
                return false;
            }
            Tallies.Contribution everyone = tallies.everyone();
            sql.list("SELECT pg_advisory_xact_lock" + LOCK, rs -> null);
            sql.update("DELETE FROM tally_backlog");
            tallies.replaceWith(everyone);
            live.tallied();
            return true;
        });
        // batches that committed after the snapshot keep the backlog open: their own afterBatch schedules the next
        boolean stillOpen = settled && QuarkusTransaction.requiringNew().call(this::isOpen);
        synchronized (this) {
            openSince = stillOpen ? System.nanoTime() : -1;
        }
        if (settled) {
            lastRecomputation = System.nanoTime() - start;
            registry.counter("peercircle.tallies.recomputed").increment();
            LOG.infof("Dashboard tallies recomputed after a catch-up in %d ms%s", lastRecomputation / 1_000_000,
                    stillOpen ? "; batches applied meanwhile are left to the next recomputation" : "");
        }
    }

    private void settleQuietly() {
        synchronized (this) {
            idleSettlement = null;
        }
        try {
            settle();
        } catch (RuntimeException e) {
            // the rows stay, and so does the promise to settle them (a consumer's commit of a tally row the
            // recomputation also wrote makes it fail with a serialization error, for one)
            if (stopping) {
                return; // the database went away under it: the next start settles them (settleLeftOver)
            }
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
        return sql.count("SELECT count(*) FROM (SELECT FROM tally_backlog LIMIT 1) open") > 0;
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

package org.peercircle.tools.city;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A progress bar for one stage: redrawn in place on a terminal, a line every tenth of the way otherwise (logs,
 * CI). Shows items done, the request rate and the time left.
 */
final class Progress implements AutoCloseable {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final LongSupplier requests;
    private final boolean terminal;
    private final AtomicLong done = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private final long startRequests;
    private final Thread painter;
    private volatile long lastTenth = -1;

    Progress(PrintStream out, String label, long total, LongSupplier requests, boolean terminal) {
        this.out = out;
        this.label = label;
        this.total = total;
        this.requests = requests;
        this.terminal = terminal;
        this.startRequests = requests.getAsLong();
        this.painter = new Thread(this::paintUntilInterrupted, "progress");
        this.painter.setDaemon(true);
        this.painter.start();
    }

    void step() {
        done.incrementAndGet();
    }

    private void paintUntilInterrupted() {
        try {
            while (true) {
                Thread.sleep(terminal ? 250 : 1000);
                paint(false);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private synchronized void paint(boolean last) {
        long n = done.get();
        long tenth = total == 0 ? 10 : n * 10 / total;
        if (!terminal && !last && tenth == lastTenth) {
            return;
        }
        lastTenth = tenth;
        String line = line(label, n, total, requests.getAsLong() - startRequests, (System.nanoTime() - startNanos) / 1e9);
        if (terminal) {
            out.print("\r" + line + "\033[K" + (last ? "\n" : ""));
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** {@code label [#########.....] n/total  r req/s  ETA s} */
    static String line(String label, long n, long total, long requests, double seconds) {
        int filled = total == 0 ? WIDTH : (int) (WIDTH * n / total);
        String bar = "#".repeat(filled) + ".".repeat(WIDTH - filled);
        double rate = seconds > 0 ? requests / seconds : 0;
        double perItem = n > 0 ? seconds / n : 0;
        String eta = n > 0 && n < total ? String.format(Locale.ROOT, "  ETA %.0f s", perItem * (total - n)) : "";
        return String.format(Locale.ROOT, "%-12s [%s] %d/%d  %.0f req/s%s", label, bar, n, total, rate, eta);
    }

    @Override
    public void close() {
        painter.interrupt();
        try {
            painter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        paint(true);
    }
}

package org.peercircle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the CPU went during a window: user+system time of every process on the machine, grouped by what it is
 * (each service, PostgreSQL, Kafka, the load generator, pgbench, anything else), from /proc. Dividing by the
 * requests served gives each part's CPU cost per request, which says what a ratio to a baseline is made of.
 * PostgreSQL's backends count per database ("postgresql assessment"), its own processes as "postgresql".
 *
 * <p>A process that ends inside the window keeps the CPU it had used when last seen: the processes are read
 * {@link #SAMPLE_EVERY_MS} apart, not only at the two ends. pgbench and its backends end before the window does, and
 * were missing from the baselines' breakdowns before.
 */
final class CpuShare {

    static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private static final long SAMPLE_EVERY_MS = 500;
    /** A client backend's command line: "postgres: user database host(port) state" (or "[local]"). */
    private static final Pattern BACKEND = Pattern.compile("^postgres: \\S+ (\\S+) (\\S+\\(\\d+\\)|\\[local\\])");
    /**
     * A process the bench starts beside the system's own (W3's second reporting-service) carries its group's name in
     * this system property, so that it does not count as the service it runs.
     */
    static final String INSTANCE_PROPERTY = "-Dbench.instance=";

    private final Path proc;
    private final long self;
    private final Map<Long, Long> start = new TreeMap<>();
    private final Map<Long, Long> lastSeen = new ConcurrentHashMap<>();
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final long startedAt = System.nanoTime();
    private ScheduledExecutorService sampler;

    CpuShare(Path proc, long self) {
        this.proc = proc;
        this.self = self;
    }

    static CpuShare start() {
        CpuShare s = new CpuShare(Path.of("/proc"), ProcessHandle.current().pid());
        s.begin();
        s.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cpu-share");
            t.setDaemon(true);
            return t;
        });
        s.sampler.scheduleAtFixedRate(s::sample, SAMPLE_EVERY_MS, SAMPLE_EVERY_MS, TimeUnit.MILLISECONDS);
        return s;
    }

    void begin() {
        snapshot(start);
    }

    /** Reads every process's CPU so far; one that is gone keeps what it had when last read. */
    void sample() {
        snapshot(lastSeen);
    }

    /** CPU seconds per group since {@link #start}, plus "elapsed" (wall seconds). */
    Map<String, Double> stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            try {
                sampler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        sample();
        Map<String, Double> out = new TreeMap<>();
        lastSeen.forEach((pid, ticks) -> {
            long used = ticks - start.getOrDefault(pid, 0L);
            if (used > 0) {
                out.merge(names.get(pid), used / (double) TICKS_PER_SECOND, Double::sum);
            }
        });
        Map<String, Double> ordered = new LinkedHashMap<>();
        ordered.put("elapsed", (System.nanoTime() - startedAt) / 1e9);
        ordered.putAll(out);
        return ordered;
    }

    /** CPU microseconds per request of each group, for {@code requests} served in the window. */
    static Map<String, Long> perRequest(Map<String, Double> seconds, long requests) {
        Map<String, Long> out = new LinkedHashMap<>();
        double total = 0;
        for (var e : seconds.entrySet()) {
            if (!e.getKey().equals("elapsed")) {
                out.put(e.getKey(), Math.round(e.getValue() * 1e6 / Math.max(1, requests)));
                total += e.getValue();
            }
        }
        out.put("all", Math.round(total * 1e6 / Math.max(1, requests)));
        return out;
    }

    /** User+system CPU ticks from a process's or thread's {@code stat} line. */
    static long ticks(String stat) {
        // the fields after the name, which is in parentheses and may hold spaces
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private void snapshot(Map<Long, Long> into) {
        try (Stream<Path> procs = Files.list(proc)) {
            procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                long pid = Long.parseLong(p.getFileName().toString());
                try {
                    into.put(pid, ticks(Files.readString(p.resolve("stat"))));
                    names.computeIfAbsent(pid, k -> group(p, k));
                } catch (IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String group(Path proc, long pid) {
        if (pid == self) {
            return "load generator";
        }
        String[] args;
        try {
            args = new String(Files.readAllBytes(proc.resolve("cmdline"))).split("\0");
        } catch (IOException e) {
            return "other";
        }
        for (String arg : args) {
            if (arg.startsWith(INSTANCE_PROPERTY)) {
                return arg.substring(INSTANCE_PROPERTY.length());
            }
        }
        String cmd = String.join(" ", args);
        for (String s : Sys.SERVICES) {
            if (cmd.contains("/" + s + "/") || cmd.contains(s + ".aot") || cmd.contains("aot/" + s)) {
                return s;
            }
        }
        if (cmd.contains("LocalInfra kafka")) {
            return "kafka";
        }
        // Debian's pgbench is a wrapper that execs /usr/lib/postgresql/<version>/bin/pgbench: matched by program name
        String program = cmd.split(" ", 2)[0];
        if (program.equals("pgbench") || program.endsWith("/pgbench")) {
            return "pgbench";
        }
        Matcher backend = BACKEND.matcher(cmd);
        if (backend.find()) {
            return "postgresql " + backend.group(1);
        }
        if (cmd.contains("postgres")) {
            return "postgresql";
        }
        if (cmd.contains("ConsumerPerformance")) {
            return "kafka consumer-perf";
        }
        return "other";
    }
}

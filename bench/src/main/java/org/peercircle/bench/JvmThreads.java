package org.peercircle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The CPU of one JVM's threads during a window, by what they do: the JIT compilers, the garbage collector (the
 * serial collector's pauses run on the "VM Thread"), and the rest, which is the application's own work. On a JVM
 * started for the workload the first two can be half of it: this tells the JVM warming up and collecting apart
 * from the code it runs. Read from {@code /proc/<pid>/task} at the window's two ends; a thread started inside the
 * window counts from nothing, one that ended inside it is left out.
 */
final class JvmThreads {

    static final String JIT = "JIT compiler";
    static final String GC = "GC";
    static final String APPLICATION = "application";

    private static final List<String> JIT_THREADS = List.of("C1 CompilerThre", "C2 CompilerThre", "Sweeper thread");
    private static final List<String> GC_THREADS = List.of("VM Thread", "GC Thread", "G1 ", "ZGC", "Shenandoah");

    private final Path tasks;
    private final Map<Long, Sample> start;
    private final long startedAt = System.nanoTime();

    /** A thread's role and its user+system ticks so far. */
    private record Sample(String role, long ticks) {
    }

    JvmThreads(Path proc, long pid) {
        this.tasks = proc.resolve(pid + "/task");
        this.start = sample();
    }

    /** CPU seconds of each role since the window began, plus "elapsed" (wall seconds), as {@link CpuShare#stop}. */
    Map<String, Double> stop() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("elapsed", (System.nanoTime() - startedAt) / 1e9);
        for (String role : List.of(APPLICATION, JIT, GC)) {
            out.put(role, 0.0);
        }
        sample().forEach((tid, now) -> {
            Sample then = start.get(tid);
            long used = now.ticks() - (then == null ? 0 : then.ticks());
            out.merge(now.role(), used / (double) CpuShare.TICKS_PER_SECOND, Double::sum);
        });
        return out;
    }

    static String role(String threadName) {
        if (JIT_THREADS.stream().anyMatch(threadName::startsWith)) {
            return JIT;
        }
        if (GC_THREADS.stream().anyMatch(threadName::startsWith)) {
            return GC;
        }
        return APPLICATION;
    }

    /** Each live thread, by its id. */
    private Map<Long, Sample> sample() {
        Map<Long, Sample> out = new HashMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    // the thread's name is in parentheses (it may hold spaces)
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    out.put(Long.parseLong(t.getFileName().toString()), new Sample(role(name), CpuShare.ticks(stat)));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            // the process ended: nothing more to count
        }
        return out;
    }
}

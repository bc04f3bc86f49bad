package org.peercircle.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A fixed piece of single-threaded Java work, timed: how fast this host runs the JVM's kind of code right now. The
 * hosts are shared, and in one day's runs the bench's own load generator, the same code doing the same work, cost
 * from 83 to 196 µs of CPU per W1 request, while pgbench's side moved much less: ratios to a database baseline move
 * with the host too. Timed at the start and at the end of a run, so that runs can be compared by it.
 */
final class HostProbe {

    private static final int INTS = 2_000_000;
    private static final int KEYS = 500_000;

    private HostProbe() {
    }

    /** The best of five rounds, in milliseconds; the first rounds give the JIT its due. */
    static double millis() {
        double best = Double.MAX_VALUE;
        long sink = 0;
        for (int round = 0; round < 5; round++) {
            long t = System.nanoTime();
            sink += work(round);
            best = Math.min(best, (System.nanoTime() - t) / 1e6);
        }
        if (sink == 42) {
            System.out.print(""); // keeps the work from being optimised away
        }
        return Math.round(best * 10) / 10.0;
    }

    /** Sorting two million ints and filling a map with half a million boxed keys: branches, memory and allocation. */
    static long work(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] values = new int[INTS];
        for (int i = 0; i < INTS; i++) {
            values[i] = random.nextInt();
        }
        Arrays.sort(values);
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            map.merge(values[i * 4] >>> 12, 1, Integer::sum);
        }
        return values[INTS / 2] + map.size();
    }
}

package org.peercircle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A JVM's CPU by thread role, from a /proc written by the test. */
class JvmThreadsTest {

    private static final long PID = 4242;

    @TempDir
    Path proc;

    @Test
    void theCompilersAndTheCollectorAreCountedApartFromTheApplication() throws IOException {
        thread(1, "C2 CompilerThre", 1_000);
        thread(2, "C1 CompilerThre", 10);
        thread(3, "VM Thread", 400);
        thread(4, "reporting-consu", 2_000);
        thread(5, "smallrye-kafka-", 50);
        JvmThreads window = new JvmThreads(proc, PID);

        thread(1, "C2 CompilerThre", 1_300);
        thread(2, "C1 CompilerThre", 60);
        thread(3, "VM Thread", 600);
        thread(4, "reporting-consu", 2_400);
        thread(5, "smallrye-kafka-", 150);

        Map<String, Double> seconds = window.stop();
        assertThat(seconds).containsEntry(JvmThreads.JIT, 3.5).containsEntry(JvmThreads.GC, 2.0)
                .containsEntry(JvmThreads.APPLICATION, 5.0);
    }

    @Test
    void aThreadStartedInsideTheWindowCountsFromNothingAndOneThatEndedIsLeftOut() throws IOException {
        thread(1, "reporting-batch", 500);
        thread(2, "GC Thread#0", 70);
        JvmThreads window = new JvmThreads(proc, PID);

        Files.delete(proc.resolve(PID + "/task/1/stat"));
        thread(2, "GC Thread#0", 90);
        thread(3, "reporting-batch", 30);

        Map<String, Double> seconds = window.stop();
        assertThat(seconds).containsEntry(JvmThreads.APPLICATION, 0.3).containsEntry(JvmThreads.GC, 0.2)
                .containsEntry(JvmThreads.JIT, 0.0);
    }

    @Test
    void namesAreMatchedByTheirStartAsTheKernelCutsThemTo15Characters() {
        assertThat(JvmThreads.role("G1 Conc#0")).isEqualTo(JvmThreads.GC);
        assertThat(JvmThreads.role("Sweeper thread")).isEqualTo(JvmThreads.JIT);
        assertThat(JvmThreads.role("vert.x-eventloo")).isEqualTo(JvmThreads.APPLICATION);
    }

    /** A thread as /proc shows it, with {@code ticks} of CPU time (a quarter of it system time). */
    private void thread(long tid, String name, long ticks) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(PID + "/task/" + tid));
        Files.writeString(dir.resolve("stat"), tid + " (" + name + ") S 1 1 1 0 -1 0 0 0 0 0 " + (ticks - ticks / 4)
                + " " + ticks / 4 + " 0 0 20 0 1 0 0 0 0\n");
    }
}

package org.peercircle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU per group from a /proc written by the test: what a window counts, and under which name. */
class CpuShareTest {

    private static final long SELF = 1;

    @TempDir
    Path proc;

    @Test
    void aProcessThatEndsInsideTheWindowKeepsTheCpuItHadWhenLastSeen() throws IOException {
        process(200, "/usr/lib/postgresql/15/bin/pgbench -n -T 30 assessment", 0);
        process(201, "postgres: postgres assessment 127.0.0.1(44248) idle", 100);
        process(300, "java -jar /work/main/reporting-service/target/quarkus-app/quarkus-run.jar", 1_000);
        CpuShare window = new CpuShare(proc, SELF);
        window.begin();

        process(200, "/usr/lib/postgresql/15/bin/pgbench -n -T 30 assessment", 250);
        process(201, "postgres: postgres assessment 127.0.0.1(44248) idle", 400);
        process(300, "java -jar /work/main/reporting-service/target/quarkus-app/quarkus-run.jar", 1_050);
        window.sample();
        // pgbench and its backend end before the window does
        gone(200);
        gone(201);
        process(300, "java -jar /work/main/reporting-service/target/quarkus-app/quarkus-run.jar", 1_080);

        Map<String, Double> seconds = window.stop();
        assertThat(seconds).containsEntry("pgbench", 2.5).containsEntry("postgresql assessment", 3.0)
                .containsEntry("reporting-service", 0.8);
    }

    @Test
    void backendsCountPerDatabaseAndPostgresqlsOwnProcessesApart() throws IOException {
        process(10, "postgres: postgres reporting 127.0.0.1(33454) idle", 0);
        process(11, "postgres: postgres reporting [local] SELECT", 0);
        process(12, "postgres: background writer ", 0);
        process(13, "postgres: autovacuum worker reporting", 0);
        process(14, "/tmp/embedded-pg/PG-1/bin/postgres -D /work/main/.local/postgres -p 15432", 0);
        process(SELF, "java -cp bench.jar org.peercircle.bench.Bench", 0);
        CpuShare window = new CpuShare(proc, SELF);
        window.begin();
        for (long pid : new long[] { 10, 11, 12, 13, 14, SELF }) {
            process(pid, Files.readString(proc.resolve(pid + "/cmdline")).replace('\0', ' '), 100);
        }

        Map<String, Double> seconds = window.stop();
        assertThat(seconds).containsEntry("postgresql reporting", 2.0).containsEntry("postgresql", 3.0)
                .containsEntry("load generator", 1.0);
    }

    @Test
    void aProcessTheBenchNamesCountsUnderItsNameNotAsTheServiceItRuns() throws IOException {
        String jar = "/work/main/reporting-service/target/quarkus-app/quarkus-run.jar";
        process(20, 0, "java", "-Xmx256m", "-jar", jar);
        process(21, 0, "java", "-Xmx256m", CpuShare.INSTANCE_PROPERTY + "reporting-service (W3 replay)", "-jar", jar);
        CpuShare window = new CpuShare(proc, SELF);
        window.begin();
        process(20, 10, "java", "-Xmx256m", "-jar", jar);
        process(21, 300, "java", "-Xmx256m", CpuShare.INSTANCE_PROPERTY + "reporting-service (W3 replay)", "-jar", jar);

        Map<String, Double> seconds = window.stop();
        assertThat(seconds).containsEntry("reporting-service", 0.1)
                .containsEntry("reporting-service (W3 replay)", 3.0);
    }

    /** A process as /proc shows it: its command line and, in stat, {@code ticks} of CPU time (a quarter of it system time). */
    private void process(long pid, String cmdline, long ticks) throws IOException {
        process(pid, ticks, cmdline.split(" "));
    }

    /** The same, its arguments given one by one (an argument may hold spaces). */
    private void process(long pid, long ticks, String... args) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(String.valueOf(pid)));
        Files.writeString(dir.resolve("cmdline"), String.join("\0", args) + "\0");
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
        Files.writeString(dir.resolve("stat"), pid + " (some name) S 1 1 1 0 -1 0 0 0 0 0 " + (ticks - ticks / 4) + " "
                + ticks / 4 + " 0 0 20 0 1 0 0 0 0\n");
    }

    private void gone(long pid) throws IOException {
        Path dir = proc.resolve(String.valueOf(pid));
        Files.delete(dir.resolve("cmdline"));
        Files.delete(dir.resolve("stat"));
        Files.delete(dir);
    }
}

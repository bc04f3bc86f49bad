package org.peercircle.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The raw baselines (pgbench, Kafka's ConsumerPerformance) and JFR profiles, run as the tools themselves. */
final class Tools {

    private Tools() {
    }

    static String run(Path log, List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Sys.log("$ %s", String.join(" ", command));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        return Files.readString(log);
    }

    /** @param cpuUsPerTransaction CPU per transaction of each process group while pgbench ran (see CpuShare) */
    record PgBench(double tps, double latencyAvgMs, int clients, int seconds, String script,
            Map<String, Long> cpuUsPerTransaction) {
    }

    static PgBench pgbench(Sys sys, Path dir, String name, String db, String script, int clients, int seconds)
            throws Exception {
        Path file = dir.resolve(name + ".sql");
        Files.writeString(file, script);
        CpuShare cpu = CpuShare.start();
        String out = run(dir.resolve(name + ".log"), List.of("pgbench", "-n", "-h", "localhost", "-p",
                String.valueOf(sys.pgPort), "-U", "postgres", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2",
                "-T", String.valueOf(seconds), "-f", file.toString(), db), seconds + 120L);
        Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
        Matcher lat = Pattern.compile("latency average = ([0-9.]+) ms").matcher(out);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench failed:\n" + out);
        }
        Map<String, Double> used = cpu.stop();
        double rate = Double.parseDouble(tps.group(1));
        return new PgBench(rate, lat.find() ? Double.parseDouble(lat.group(1)) : -1, clients, seconds, script,
                CpuShare.perRequest(used, Math.round(rate * seconds)));
    }

    record ConsumerPerf(long messages, double seconds, double msgPerSec, double mbPerSec, double fetchMsgPerSec) {
    }

    static ConsumerPerf consumerPerformance(Sys sys, Path dir, String topic, long messages) throws Exception {
        String cp = System.getProperty("java.class.path");
        String out = run(dir.resolve("consumer-performance.log"), List.of(javaBin(), "-Xmx512m", "-cp", cp,
                "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", sys.kafka, "--topic", topic,
                "--messages", String.valueOf(messages), "--timeout", "60000"), 600);
        // start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms,
        // fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
        for (String line : out.split("\n")) {
            String[] f = line.split(",\\s*");
            if (f.length >= 10 && f[0].matches("\\d{4}-.*")) {
                double fetchMs = Double.parseDouble(f[7]);
                return new ConsumerPerf(Long.parseLong(f[4].trim()), fetchMs / 1000, Double.parseDouble(f[5]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[9]));
            }
        }
        throw new IllegalStateException("ConsumerPerformance output not understood:\n" + out);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String jdkTool(String tool) {
        Path p = Path.of(System.getProperty("java.home"), "bin", tool);
        return Files.exists(p) ? p.toString() : tool;
    }

    /**
     * Starts a JFR recording in a running service; {@link #stopJfr} ends it and writes the file. On JDK 17, starting a
     * recording in a running JVM throws its compiled code away: in one W3 replay 7,451 methods were made not entrant
     * at once, and the JVM logged 16,600 compilations and discarded methods in the next 10 s against 1,400 in the 5 s
     * before. Profile a window that starts after that, or start the recording with the JVM ({@link #jfrAtLaunch}).
     */
    static Path startJfr(long pid, Path dir, String name) {
        Path file = dir.resolve(name + ".jfr");
        try {
            run(dir.resolve(name + "-jcmd.log"), List.of(jdkTool("jcmd"), String.valueOf(pid), "JFR.start",
                    "name=bench", "settings=default", "filename=" + file), 60);
        } catch (Exception e) {
            Sys.log("JFR not started: %s", e);
        }
        return file;
    }

    /** The JVM option that starts the recording {@link #stopJfr} ends, with the JVM, so that it costs no recompilation. */
    static String jfrAtLaunch(Path file) {
        return "-XX:StartFlightRecording=name=bench,settings=default,filename=" + file;
    }

    /**
     * Stops the recording (the file is complete when JFR.stop returns) and summarises its execution samples from
     * {@code since} on.
     */
    static Map<String, Object> stopJfr(long pid, Path jfr, Instant since) {
        try {
            run(jfr.resolveSibling(jfr.getFileName() + ".stop.log"), List.of(jdkTool("jcmd"), String.valueOf(pid),
                    "JFR.stop", "name=bench"), 120);
            return Profile.summarise(jfr, since);
        } catch (Exception e) {
            Sys.log("JFR not stopped or not read: %s", e);
            return Map.of("recording", jfr.toString(), "error", e.toString());
        }
    }
}

package org.peercircle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.peercircle.testing.TokenSigner;

/** The private copy of the system under test: ports, state folder, databases, tokens (all from run.sh). */
public final class Sys {

    public static final String[] SERVICES = { "participant-service", "session-service", "assessment-service",
            "reporting-service" };

    final Path root;
    final Path home;
    final int portBase;
    final int pgPort;
    final String kafka;
    final TokenSigner signer;
    /** For set-up and readiness checks only; measured load goes through {@link OpenLoad}. */
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Sys(Path root, Path home, int portBase, int pgPort, int kafkaPort) {
        this.root = root;
        this.home = home;
        this.portBase = portBase;
        this.pgPort = pgPort;
        this.kafka = "localhost:" + kafkaPort;
        this.signer = TokenSigner.fromPem(home.resolve("keys/private.pem"), "peercircle-local");
    }

    static Sys fromEnv() {
        Path root = Path.of(System.getenv("BENCH_ROOT"));
        return new Sys(root, Path.of(System.getenv("PEERCIRCLE_HOME")),
                Integer.parseInt(System.getenv("PEERCIRCLE_PORT_BASE")),
                Integer.parseInt(System.getenv("PEERCIRCLE_PG_PORT")),
                Integer.parseInt(System.getenv("PEERCIRCLE_KAFKA_PORT")));
    }

    int port(String service) {
        for (int i = 0; i < SERVICES.length; i++) {
            if (SERVICES[i].equals(service)) {
                return portBase + 1 + i;
            }
        }
        throw new IllegalArgumentException(service);
    }

    String url(String service, String path) {
        return "http://localhost:" + port(service) + path;
    }

    String jdbc(String db) {
        return "jdbc:postgresql://localhost:" + pgPort + "/" + db;
    }

    Connection db(String db) throws SQLException {
        return DriverManager.getConnection(jdbc(db), "postgres", "postgres");
    }

    long count(String db, String sql) {
        try (Connection c = db(db); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1;
        }
    }

    void exec(String db, String sql) throws SQLException {
        try (Connection c = db(db); var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    long pid(String service) throws IOException {
        return Long.parseLong(Files.readString(home.resolve("run/" + service + ".pid")).trim());
    }

    /** The environment up.sh gives a service, for restarting it with other JVM flags. */
    Map<String, String> serviceEnv(String service, int port, String database) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
        env.put("QUARKUS_OIDC_PUBLIC_KEY", System.getenv("BENCH_PUBLIC_KEY"));
        env.put("QUARKUS_OIDC_TOKEN_ISSUER", "peercircle-local");
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", System.getenv().getOrDefault("BENCH_DB_POOL", "8"));
        env.put("MALLOC_ARENA_MAX", "2");
        return env;
    }

    /** The JVM flags up.sh gives a service (deploy/local/env.sh), as run.sh passed them on. */
    static List<String> serviceJavaOpts() {
        String opts = System.getenv().getOrDefault("BENCH_SERVICE_JAVA_OPTS", "-XX:+UseSerialGC -Xmx256m");
        return List.of(opts.trim().split("\\s+"));
    }

    /**
     * Null while the service runs and has logged no OutOfMemoryError; otherwise why its figures may be missing, in a
     * few words, naming the log to read.
     */
    String problem(String service) {
        boolean alive;
        try {
            alive = ProcessHandle.of(pid(service)).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            alive = false;
        }
        Path log = home.resolve("logs/" + service + ".log");
        long oom = 0;
        String lastError = null;
        try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.contains("OutOfMemoryError")) {
                    oom++;
                }
                if (line.contains(" ERROR ") || line.contains("\"level\":\"ERROR\"")) {
                    lastError = line.length() > 200 ? line.substring(0, 200) + "…" : line;
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // no log: say what we know
        }
        if (alive && oom == 0) {
            return null;
        }
        String what = alive ? service + " still up but logged OutOfMemoryError " + oom + "×"
                : service + " died" + (oom > 0 ? " (OutOfMemoryError logged " + oom + "×)"
                        : lastError != null ? " (last error: " + lastError.replace("|", "/") + ")" : "");
        return what + "; see " + log;
    }

    /**
     * The machine's CPU ticks so far from /proc/stat: {stolen, all}. Stolen ticks are those the hypervisor gave to
     * other guests while this one had work: on a shared host, what a slow run is made of.
     */
    static long[] hostTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long all = 0;
            // user nice system idle iowait irq softirq steal (guest time is already counted in user)
            for (int i = 1; i <= 8 && i < f.length; i++) {
                all += Long.parseLong(f[i]);
            }
            return new long[] { f.length > 8 ? Long.parseLong(f[8]) : 0, all };
        } catch (IOException | RuntimeException e) {
            return new long[] { 0, 0 };
        }
    }

    /** The share of the machine's CPU stolen between two {@link #hostTicks} readings, in percent. */
    static double stolenPercent(long[] before, long[] after) {
        long all = after[1] - before[1];
        return all <= 0 ? 0 : Math.round(1000.0 * (after[0] - before[0]) / all) / 10.0;
    }

    static long rssKb(long pid) {
        return status(pid, "VmRSS:");
    }

    /** A number from /proc/&lt;pid&gt;/status ("VmRSS:" in kB, "Threads:"), -1 once the process is gone. */
    static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // process gone
        }
        return -1;
    }

    boolean ready(int port) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().replace(" ", "").contains("\"status\":\"UP\"");
        } catch (Exception e) {
            return false;
        }
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
        System.out.flush();
    }
}

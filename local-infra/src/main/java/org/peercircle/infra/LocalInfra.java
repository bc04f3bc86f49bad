package org.peercircle.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local run's infrastructure processes ({@code deploy/local/up.sh} starts each one in the background):
 *
 * <pre>
 * LocalInfra postgres --port 5432 --data DIR --databases participant,session,...
 * LocalInfra kafka    --port 9092 --data DIR --topics participant-events,...
 * LocalInfra create-databases --url jdbc:postgresql://host/postgres --user U --password P --databases ...
 * </pre>
 *
 * The first two run until the process is stopped; a marker file {@code DIR/ready} appears once the server
 * accepts connections. The third prepares an external PostgreSQL and exits.
 */
public final class LocalInfra {

    private LocalInfra() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "postgres" -> runPostgres(opts);
            case "kafka" -> runKafka(opts);
            case "create-databases" -> PostgresServer.createDatabases(
                    require(opts, "url"), require(opts, "user"), require(opts, "password"), list(opts, "databases"));
            default -> usage();
        }
    }

    private static void runPostgres(Map<String, String> opts) throws Exception {
        Path data = Path.of(require(opts, "data"));
        Files.createDirectories(data.getParent());
        PostgresServer server = PostgresServer.start(Integer.parseInt(require(opts, "port")), data);
        server.createDatabases(list(opts, "databases"));
        runUntilStopped(server, data.resolveSibling(data.getFileName() + ".ready"));
    }

    private static void runKafka(Map<String, String> opts) throws Exception {
        Path data = Path.of(require(opts, "data"));
        KafkaBroker broker = new KafkaBroker(Integer.parseInt(require(opts, "port")), data,
                Integer.parseInt(opts.getOrDefault("partitions", "3")));
        broker.start();
        broker.createTopics(list(opts, "topics"));
        runUntilStopped(broker, data.resolveSibling(data.getFileName() + ".ready"));
    }

    private static void runUntilStopped(AutoCloseable server, Path readyMarker) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(readyMarker);
                server.close();
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        Files.writeString(readyMarker, String.valueOf(ProcessHandle.current().pid()));
        System.out.println("ready");
        stopped.await();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                usage();
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null || value.isBlank()) {
            System.err.println("missing --" + name);
            usage();
        }
        return value;
    }

    private static List<String> list(Map<String, String> opts, String name) {
        return Arrays.stream(require(opts, name).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static void usage() {
        System.err.println("usage: LocalInfra postgres|kafka|create-databases --option value ...");
        System.exit(2);
    }
}

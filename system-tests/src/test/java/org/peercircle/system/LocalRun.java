package org.peercircle.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.peercircle.infra.Ports;
import org.peercircle.testing.TokenSigner;

/**
 * The whole system, started by the README's own {@code deploy/local/up.sh} (so the local run is tested too)
 * in a private state folder and on free ports, and stopped by {@code down.sh}. One run is shared by every
 * system test class of the JVM ({@link #shared()}); it stops when the test run ends.
 */
final class LocalRun {

    private static LocalRun shared;
    private static boolean stopped;

    /**
     * The system of this test JVM, started empty on first use. {@link StopTheSharedRun} stops it when the test run
     * ends; the shutdown hook is only for a run that is cut short (the JVM gives hooks no time to stop five
     * processes in: failsafe kills a fork whose exit takes longer than 30 seconds).
     */
    static synchronized LocalRun shared() throws Exception {
        if (stopped) {
            throw new IllegalStateException("the shared run has been stopped");
        }
        if (shared == null) {
            shared = start("--empty");
            Runtime.getRuntime().addShutdownHook(new Thread(LocalRun::stopShared, "stop-local-run"));
        }
        return shared;
    }

    /** Stops the shared run if one was started; harmless twice. */
    static synchronized void stopShared() {
        if (shared == null || stopped) {
            return;
        }
        stopped = true;
        try {
            shared.stop();
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    final Path home;
    final int portBase;
    final int pgPort;
    final int kafkaPort;

    private LocalRun(Path home, int portBase, int pgPort, int kafkaPort) {
        this.home = home;
        this.portBase = portBase;
        this.pgPort = pgPort;
        this.kafkaPort = kafkaPort;
    }

    static LocalRun start(String... upArguments) throws Exception {
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "system-run");
        LocalRun run = new LocalRun(home, 20000 + (Ports.free() % 20000) / 10 * 10, Ports.free(), Ports.free());
        String[] command = new String[upArguments.length + 1];
        command[0] = ROOT.resolve("deploy/local/up.sh").toString();
        System.arraycopy(upArguments, 0, command, 1, upArguments.length);
        run.exec(300, command);
        return run;
    }

    /**
     * Stops the four services together, then lets {@code down.sh} stop the broker and the database and tidy up:
     * down.sh alone stops one process after the other, which takes half a minute here.
     */
    void stop() throws Exception {
        List<CompletableFuture<ProcessHandle>> exits = new ArrayList<>();
        for (String service : List.of("participant", "session", "assessment", "reporting")) {
            Path pidFile = home.resolve("run/" + service + "-service.pid");
            if (Files.exists(pidFile)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(process -> {
                    process.destroy();
                    exits.add(process.onExit());
                });
            }
        }
        try {
            CompletableFuture.allOf(exits.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // down.sh kills what is left
        }
        exec(120, ROOT.resolve("deploy/local/down.sh").toString());
    }

    String url(String service) {
        int offset = switch (service) {
            case "participant" -> 1;
            case "session" -> 2;
            case "assessment" -> 3;
            case "reporting" -> 4;
            default -> throw new IllegalArgumentException(service);
        };
        return "http://localhost:" + (portBase + offset);
    }

    String kafka() {
        return "localhost:" + kafkaPort;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + pgPort + "/" + database;
    }

    TokenSigner tokens() {
        return TokenSigner.fromPem(home.resolve("keys/private.pem"), "peercircle-local");
    }

    String log(String name) throws IOException {
        return Files.readString(home.resolve("logs/" + name + ".log"));
    }

    private void exec(int timeoutSeconds, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("script.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("PEERCIRCLE_HOME", home.toString());
        env.put("PEERCIRCLE_PORT_BASE", String.valueOf(portBase));
        env.put("PEERCIRCLE_PG_PORT", String.valueOf(pgPort));
        env.put("PEERCIRCLE_KAFKA_PORT", String.valueOf(kafkaPort));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + Files.readString(home.resolve("script.log")));
        }
    }
}

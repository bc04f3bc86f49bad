package org.peercircle.tools;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.peercircle.tools.api.Api;
import org.peercircle.tools.api.Endpoints;
import org.peercircle.tools.api.PeerCircle;
import org.peercircle.tools.api.Tokens;
import org.peercircle.tools.city.CityGenerator;
import org.peercircle.tools.demo.DemoScenario;

/**
 * {@code demo} loads the demo scenario, {@code city} generates a city; both against a local run (its state
 * folder for the signing key, its port base for the services), through the REST APIs only.
 *
 * <pre>
 * java -cp tools.jar:lib/* org.peercircle.tools.Main demo [--home .local] [--port-base 8080]
 * java -cp tools.jar:lib/* org.peercircle.tools.Main city [--centres 20] [--participants 5000] [--groups 400]
 *                                                         [--seed 42] [--concurrency 12] [--home ..] [--port-base ..]
 * </pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !List.of("demo", "city").contains(args[0])) {
            System.err.println("usage: Main demo|city [--home DIR] [--port-base N] [city options]");
            System.exit(2);
        }
        Map<String, String> options = options(args);
        Path home = Path.of(options.getOrDefault("home", env("PEERCIRCLE_HOME", ".local")));
        int portBase = Integer.parseInt(options.getOrDefault("port-base", env("PEERCIRCLE_PORT_BASE", "8080")));
        Tokens tokens = Tokens.ofLocalRun(home);
        Endpoints endpoints = Endpoints.local(portBase);
        try {
            if (args[0].equals("demo")) {
                new DemoScenario(new PeerCircle(new Api(), endpoints, Duration.ofSeconds(60)), tokens, System.out).load();
            } else {
                CityGenerator.Settings settings = new CityGenerator.Settings(
                        Integer.parseInt(options.getOrDefault("centres", "20")),
                        Integer.parseInt(options.getOrDefault("participants", "5000")),
                        Integer.parseInt(options.getOrDefault("groups", "400")),
                        Long.parseLong(options.getOrDefault("seed", "42")),
                        Integer.parseInt(options.getOrDefault("concurrency", "12")));
                if (settings.participants() > 100_000) {
                    throw new IllegalArgumentException("--participants is at most 100000");
                }
                boolean complete = new CityGenerator(new PeerCircle(new Api(), endpoints, Duration.ofMinutes(5)), tokens,
                        settings, System.out, System.err).generate();
                if (!complete) {
                    System.exit(1);
                }
            }
        } catch (RuntimeException e) {
            System.err.println(args[0] + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("unexpected argument " + args[i] + " (options are --name value)");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}

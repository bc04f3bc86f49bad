package org.peercircle.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W6: each service started alone under each JVM variant: time from spawn to /q/health/ready UP, RSS when ready and
 * after 10 s of its own part of W1/W2 (participant-service answers W1's reads, assessment-service W2's forms, the
 * others a read of their own). Variants that need a training run (AppCDS, the JDK 25 AOT cache) get one first, 5 s of
 * the same workload, ended by SIGTERM so that the JVM writes what it recorded (the AppCDS archive, or the
 * configuration the AOT cache is then assembled from). Default variants (bench.w6.variants): the plain jar with
 * the flags of the local run, and the best one measured, the JDK 25 AOT cache over Quarkus' aot-jar packaging with
 * lean flags (each variant costs about a minute per service, and the run has to stay under 30); appcds-17, aot-25,
 * aot-25-lean and aot-jar-25 are there on request.
 */
final class Startup {

    static final String JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64/bin/java";
    static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    final Bench bench;
    final Sys sys;
    final Path dir;

    Startup(Bench bench) throws Exception {
        this.bench = bench;
        this.sys = bench.sys;
        this.dir = bench.work.resolve("w6");
        Files.createDirectories(dir);
    }

    /**
     * @param app the quarkus-app folder to run: the service's own fast-jar, or the aot-jar layout that run.sh
     *            builds with Quarkus' {@code quarkus.package.jar.type=aot-jar} into bench/target/aot/&lt;service&gt;
     * @param trainFlags the training run's flags, null if the variant has none
     * @param createFlags the flags that assemble the JDK 25 AOT cache from the training run's configuration, null if
     *            the training run writes its archive itself (AppCDS)
     */
    record Variant(String name, String java, Path app, List<String> trainFlags, List<String> createFlags,
            List<String> flags, String description) {
    }

    /** The flags of the local run (deploy/local/env.sh), as run.sh passed them on. */
    static final List<String> BASE = Sys.serviceJavaOpts();
    /**
     * C1 only, a small heap, small stacks and code cache: what RSS asks for on a 2-core box. The young generation is
     * the local run's 32 MB: left to the JVM it was 53 MB of a 160 MB heap, all of it touched (the heap was 71-82 MB
     * resident after load, against 52-63 MB in the jar variant, in a W6-only run on 2026-12-07).
     */
    static final List<String> LEAN = List.of("-Xms64m", "-Xmx160m", "-Xmn32m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=160m", "-XX:MaxDirectMemorySize=64m");
    /**
     * The lean flags for a training run and the cache's assembly: without the metaspace cap, because the JVM assembles
     * the AOT cache in metaspace and a capped one fails with "Unable to allocate from 'ro' region" for the larger
     * services (session- and assessment-service, 2026-11-23 run); the cache is then used under the cap.
     */
    static final List<String> LEAN_TRAINING = LEAN.stream().filter(f -> !f.startsWith("-XX:MaxMetaspaceSize")).toList();

    Variant variant(String name, String service) {
        Path fastJar = sys.root.resolve(service + "/target/quarkus-app");
        Path aotJar = sys.root.resolve("bench/target/aot/" + service);
        Path cache = dir.resolve(service + "-" + name + (name.startsWith("appcds") ? ".jsa" : ".aot"));
        return switch (name) {
            case "jar" -> new Variant(name, Tools.javaBin(), fastJar, null, null, BASE, "Java 17 fast-jar with the flags of the local run (deploy/local/env.sh)");
            case "appcds-17" -> new Variant(name, Tools.javaBin(), fastJar, concat(BASE, "-XX:ArchiveClassesAtExit=" + cache),
                    null, concat(BASE, "-XX:SharedArchiveFile=" + cache), "Java 17 fast-jar + dynamic AppCDS archive from a training run");
            case "aot-25" -> aot(name, fastJar, BASE, BASE, cache, "Temurin 25 fast-jar + JDK AOT cache (JEP 483/514) from a training run");
            case "aot-25-lean" -> aot(name, fastJar, LEAN_TRAINING, LEAN, cache, "Temurin 25 fast-jar + JDK AOT cache + lean flags");
            case "aot-jar-25" -> aot(name, aotJar, BASE, BASE, cache,
                    "Temurin 25 + Quarkus aot-jar packaging (application classes on the class path, so the cache holds them) + AOT cache from a training run, the flags of the local run");
            case "aot-jar-25-lean" -> aot(name, aotJar, LEAN_TRAINING, LEAN, cache, "Temurin 25 + Quarkus aot-jar + AOT cache + lean flags");
            default -> throw new IllegalArgumentException(name);
        };
    }

    /**
     * A JDK 25 AOT cache in two steps: the training run records its configuration (-XX:AOTMode=record), and a JVM of
     * its own assembles the cache from it (-XX:AOTMode=create), as -XX:AOTCacheOutput does in one step at the training
     * run's exit, but so that the assemblies, which measure nothing, can run side by side.
     */
    static Variant aot(String name, Path app, List<String> training, List<String> runtime, Path cache, String description) {
        String configuration = "-XX:AOTConfiguration=" + cache + "conf";
        List<String> train = new ArrayList<>(training);
        train.addAll(List.of("-XX:AOTMode=record", configuration));
        List<String> create = new ArrayList<>(training);
        create.addAll(List.of("-XX:AOTMode=create", configuration, "-XX:AOTCache=" + cache));
        return new Variant(name, JDK25, app, train, create, concat(runtime, "-XX:AOTCache=" + cache), description);
    }

    static List<String> concat(List<String> a, String b) {
        List<String> l = new ArrayList<>(a);
        l.add(b);
        return l;
    }

    /**
     * Runs last: all four services are stopped for good first (so that none of them, still catching up with the
     * bulk load, takes CPU from the one measured), then each is started alone under each variant (nothing runs
     * after W6). The service measured does catch up with its own backlog while it starts, as after any restart.
     * The training runs come first, each alone too; then the JDK 25 AOT caches are assembled from what they
     * recorded, two at a time (the assemblies measure nothing: side by side they take half the time they took one
     * after the other at each training run's exit, about 20 s each); then the measured starts.
     */
    void run(List<String> variants, List<String> services) throws Exception {
        for (String service : List.of("participant-service", "session-service", "assessment-service", "reporting-service")) {
            ProcessHandle.of(sys.pid(service)).ifPresent(h -> {
                h.destroy();
                try {
                    h.onExit().get(20, TimeUnit.SECONDS);
                } catch (Exception e) {
                    h.destroyForcibly();
                }
            });
        }
        // service -> variant -> its figures, or why it has none
        Map<String, Map<String, Object>> w6 = new LinkedHashMap<>();
        List<Launch> launches = new ArrayList<>();
        for (String service : services) {
            Map<String, Object> perVariant = new LinkedHashMap<>();
            w6.put(service, perVariant);
            for (String v : variants) {
                Variant variant = variant(v, service);
                if (!Files.exists(Path.of(variant.java()))) {
                    perVariant.put(v, Map.of("skipped", variant.java() + " not installed"));
                } else if (!Files.exists(variant.app().resolve("quarkus-run.jar"))) {
                    perVariant.put(v, Map.of("skipped", variant.app() + " not built (see run.sh output)"));
                } else {
                    launches.add(new Launch(service, variant));
                }
            }
        }
        // 1. the training runs, each alone (what they record is what the service does when alone)
        List<Launch> toAssemble = new ArrayList<>();
        for (Launch l : launches) {
            if (l.variant().trainFlags() != null) {
                l.attempt(w6, () -> {
                    Map<String, Object> t = launch(l.service(), l.variant(), l.variant().trainFlags(), "train", TRAIN_LOAD);
                    l.expect(dir, lastPath(l.variant().trainFlags()), t.get("exit"), "train");
                    if (l.variant().createFlags() != null) {
                        toAssemble.add(l);
                    }
                });
            }
        }
        // 2. the AOT caches, assembled two at a time (each is about 20 s of one thread), with nothing measured meanwhile
        ExecutorService assemblers = Executors.newFixedThreadPool(2);
        Map<Launch, Future<?>> assembling = new LinkedHashMap<>();
        toAssemble.forEach(l -> assembling.put(l, assemblers.submit(() -> {
            assemble(l);
            return null;
        })));
        assemblers.shutdown();
        assembling.forEach((l, done) -> l.attempt(w6, () -> {
            try {
                done.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }));
        // 3. the measured starts, each alone
        for (Launch l : launches) {
            if (!w6.get(l.service()).containsKey(l.variant().name())) { // else its training or assembly failed
                l.attempt(w6, () -> w6.get(l.service()).put(l.variant().name(),
                        launch(l.service(), l.variant(), l.variant().flags(), "measure", MEASURE_LOAD)));
            }
        }
        // in the order asked for, whichever step a variant stopped at
        w6.values().forEach(perVariant -> {
            Map<String, Object> ordered = new LinkedHashMap<>();
            variants.stream().filter(perVariant::containsKey).forEach(v -> ordered.put(v, perVariant.get(v)));
            perVariant.clear();
            perVariant.putAll(ordered);
        });
        bench.workloads.put("W6", w6);
    }

    /** One service under one variant. */
    record Launch(String service, Variant variant) {

        /** Runs a step of this launch; a failure becomes its entry in the results, in place of its figures. */
        void attempt(Map<String, Map<String, Object>> w6, Bench.Phase step) {
            try {
                step.run();
            } catch (Exception e) {
                Sys.log("W6 %s %s failed: %s", service, variant.name(), e.getMessage());
                w6.get(service).put(variant.name(), Map.of("error", String.valueOf(e.getMessage())));
            }
        }

        void expect(Path dir, Path written, Object exit, String phase) {
            if (!Files.exists(written)) {
                throw new IllegalStateException(phase + " wrote no " + written.getFileName() + " (exit " + exit
                        + "); see " + dir.resolve(service + "-" + variant.name() + "-" + phase + ".log"));
            }
        }
    }

    /** The file named by the last flag (-XX:Something=file): what a training run or an assembly writes. */
    private static Path lastPath(List<String> flags) {
        return Path.of(flags.get(flags.size() - 1).replaceAll("^-XX:[A-Za-z]+=", ""));
    }

    /** Runs the JVM that assembles a variant's AOT cache from its training run's configuration. */
    private void assemble(Launch l) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(l.variant().java());
        cmd.addAll(l.variant().createFlags());
        // the class path of the training run's -jar
        cmd.addAll(List.of("-cp", l.variant().app().resolve("quarkus-run.jar").toString()));
        long t = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(l.service() + "-" + l.variant().name() + "-create.log").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
        }
        l.expect(dir, lastPath(l.variant().createFlags()), p.exitValue(), "create");
        Sys.log("W6 %s %s: AOT cache assembled in %.0f s", l.service(), l.variant().name(), (System.nanoTime() - t) / 1e9);
    }

    static final Duration TRAIN_LOAD = Duration.ofSeconds(5);
    static final Duration MEASURE_LOAD = Duration.ofSeconds(10);

    Process start(String service, Variant variant, List<String> flags, String phase) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(variant.java());
        cmd.addAll(flags);
        cmd.addAll(List.of("-jar", variant.app().resolve("quarkus-run.jar").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(service + "-" + variant.name() + "-" + phase + ".log").toFile());
        pb.environment().putAll(sys.serviceEnv(service, sys.port(service), service.replace("-service", "")));
        return pb.start();
    }

    double awaitReady(Process p, int port, long spawned) throws Exception {
        long deadline = spawned + Duration.ofSeconds(90).toNanos();
        while (!sys.ready(port)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready after " + (System.nanoTime() - spawned) / 1_000_000 + " ms (exit "
                        + (p.isAlive() ? "none" : p.exitValue()) + ")");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - spawned) / 1e6;
    }

    Map<String, Object> launch(String service, Variant variant, List<String> flags, String phase, Duration loadFor)
            throws Exception {
        long spawned = System.nanoTime();
        Process p = start(service, variant, flags, phase);
        Map<String, Object> r = new LinkedHashMap<>();
        Path log = dir.resolve(service + "-" + variant.name() + "-" + phase + ".log");
        try {
            double readyMs = awaitReady(p, sys.port(service), spawned);
            long rssReady = Sys.rssKb(p.pid()) / 1024;
            OpenLoad.Result load = new OpenLoad(2000).run(rate(service), Duration.ZERO, loadFor,
                    workload(service), service.equals("assessment-service") ? 201 : 200);
            long rssLoadedKb = Sys.rssKb(p.pid());
            long rssLoaded = rssLoadedKb / 1024;
            if (!phase.equals("train")) {
                r.put("memoryAfterLoad", JvmMemory.of(p.pid(), rssLoadedKb, dir, service + "-" + variant.name() + "-" + phase));
            }
            r.put("description", variant.description());
            r.put("flags", String.join(" ", flags));
            r.put("app", variant.app().toString());
            r.put("readyMs", readyMs);
            r.put("rssAtReadyMb", rssReady);
            r.put("rssAfter10sLoadMb", rssLoaded);
            r.put("loadRate", rate(service));
            r.put("loadOk", load.ok());
            r.put("loadP99ms", load.p99us() / 1000.0);
            r.put("loadErrors", load.errors() + load.dropped());
            if (load.firstError() != null) {
                r.put("loadFirstError", load.firstError());
            }
            Sys.log("W6 %s %s %s: ready %.0f ms, RSS %d MB at ready, %d MB after load (ok %d, p99 %.1f ms, errors %d%s)",
                    service, variant.name(), phase, readyMs, rssReady, rssLoaded, load.ok(), load.p99us() / 1000.0,
                    load.errors() + load.dropped(), load.firstError() == null ? "" : ": " + load.firstError());
        } finally {
            // a training run must end normally for the JVM to write its cache (or its AOT configuration); a
            // measured run is not waited for long
            p.destroy();
            if (!p.waitFor(phase.equals("train") ? 90 : 15, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                r.put("killed", "did not stop within the grace period after SIGTERM");
            }
            r.put("exit", p.exitValue());
        }
        String text = Files.readString(log);
        Matcher m = STARTED.matcher(text);
        if (m.find()) {
            r.put("quarkusStartedInS", Double.parseDouble(m.group(1)));
        }
        if (text.contains("OutOfMemoryError")) {
            r.put("died", "OutOfMemoryError in " + log);
        }
        return r;
    }

    /** A steady share of what W1/W2 offered: RSS "after W1–W2" is read after it. */
    double rate(String service) {
        return switch (service) {
            case "participant-service" -> 500;
            case "assessment-service" -> 200;
            case "reporting-service" -> 5;
            default -> 50;
        };
    }

    LongFunction<OpenLoad.Call> workload(String service) {
        String coordinator = bench.city.token("coordinator");
        return switch (service) {
            case "participant-service" -> bench.w1Request();
            case "assessment-service" -> bench.w2Request();
            case "reporting-service" -> i -> get("/api/v1/city/dashboard", service, coordinator);
            default -> i -> get("/api/v1/programme-templates", service, coordinator);
        };
    }

    OpenLoad.Call get(String path, String service, String token) {
        return OpenLoad.Call.get(sys.url(service, path), token).within(Duration.ofSeconds(5));
    }
}

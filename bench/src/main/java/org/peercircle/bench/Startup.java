package org.peercircle.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W6: each service restarted alone (the others keep running) under each JVM variant: time from spawn to
 * /q/health/ready UP, RSS when ready and after 10 s of its own workload at a moderate rate. Variants that need a
 * training run (AppCDS, the JDK 25 AOT cache) get one first, with the same workload, ended by SIGTERM.
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

    record Variant(String name, String java, List<String> trainFlags, List<String> flags, String description) {
    }

    Variant variant(String name, String service) {
        Path cds = dir.resolve(service + ".jsa");
        Path aot = dir.resolve(service + ".aot");
        List<String> base = List.of("-Xmx384m", "-XX:+UseSerialGC");
        List<String> lean = List.of("-Xmx160m", "-Xss256k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=48m", "-XX:MaxMetaspaceSize=160m", "-XX:MaxDirectMemorySize=64m");
        return switch (name) {
            case "jar" -> new Variant(name, Tools.javaBin(), null, base, "Java 17, the flags of deploy/local/up.sh");
            case "appcds-17" -> new Variant(name, Tools.javaBin(), concat(base, "-XX:ArchiveClassesAtExit=" + cds),
                    concat(base, "-XX:SharedArchiveFile=" + cds), "Java 17 + dynamic AppCDS archive from a training run");
            case "aot-25" -> new Variant(name, JDK25, concat(base, "-XX:AOTCacheOutput=" + aot),
                    concat(base, "-XX:AOTCache=" + aot), "Temurin 25 + AOT cache (JEP 483/514) from a training run");
            case "aot-25-lean" -> new Variant(name, JDK25, concat(lean, "-XX:AOTCacheOutput=" + aot + ".lean"),
                    concat(lean, "-XX:AOTCache=" + aot + ".lean"),
                    "Temurin 25 + AOT cache, C1 only, 160 MB heap, 256 kB stacks, smaller code cache");
            default -> throw new IllegalArgumentException(name);
        };
    }

    static List<String> concat(List<String> a, String b) {
        List<String> l = new ArrayList<>(a);
        l.add(b);
        return l;
    }

    void run(List<String> variants) throws Exception {
        Map<String, Object> w6 = new LinkedHashMap<>();
        for (String service : Sys.SERVICES) {
            long pid = sys.pid(service);
            ProcessHandle.of(pid).ifPresent(h -> {
                h.destroy();
                h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
            Map<String, Object> perVariant = new LinkedHashMap<>();
            for (String v : variants) {
                Variant variant = variant(v, service);
                if (!Files.exists(Path.of(variant.java()))) {
                    perVariant.put(v, Map.of("skipped", variant.java() + " not installed"));
                    continue;
                }
                try {
                    if (variant.trainFlags() != null) {
                        launch(service, variant, variant.trainFlags(), "train", true);
                    }
                    perVariant.put(v, launch(service, variant, variant.flags(), "measure", false));
                } catch (Exception e) {
                    Sys.log("W6 %s %s failed: %s", service, v, e);
                    perVariant.put(v, Map.of("error", e.toString()));
                }
            }
            // leave the plain service running, as the others expect it
            Process back = start(service, variant("jar", service), variant("jar", service).flags(), "restored");
            Files.writeString(sys.home.resolve("run/" + service + ".pid"), String.valueOf(back.pid()));
            awaitReady(back, sys.port(service), System.nanoTime());
            w6.put(service, perVariant);
        }
        bench.workloads.put("W6", w6);
    }

    Process start(String service, Variant variant, List<String> flags, String phase) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(variant.java());
        cmd.addAll(flags);
        cmd.addAll(List.of("-jar", sys.root.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(service + "-" + variant.name() + "-" + phase + ".log").toFile());
        pb.environment().putAll(sys.serviceEnv(service, sys.port(service), service.replace("-service", "")));
        return pb.start();
    }

    double awaitReady(Process p, int port, long spawned) throws Exception {
        long deadline = spawned + Duration.ofSeconds(120).toNanos();
        while (!sys.ready(port)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready (exit " + (p.isAlive() ? "none" : p.exitValue()) + ")");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - spawned) / 1e6;
    }

    Map<String, Object> launch(String service, Variant variant, List<String> flags, String phase, boolean train)
            throws Exception {
        long spawned = System.nanoTime();
        Process p = start(service, variant, flags, phase);
        Map<String, Object> r = new LinkedHashMap<>();
        try {
            double readyMs = awaitReady(p, sys.port(service), spawned);
            long rssReady = Sys.rssKb(p.pid()) / 1024;
            OpenLoad.Result load = new OpenLoad(OpenLoad.client(), 2000).run(rate(service), Duration.ZERO,
                    Duration.ofSeconds(10), workload(service), service.equals("assessment-service") ? 201 : 200);
            long rssLoaded = Sys.rssKb(p.pid()) / 1024;
            r.put("description", variant.description());
            r.put("flags", String.join(" ", flags));
            r.put("readyMs", readyMs);
            r.put("rssAtReadyMb", rssReady);
            r.put("rssAfter10sLoadMb", rssLoaded);
            r.put("loadRate", rate(service));
            r.put("loadP99ms", load.p99us() / 1000.0);
            r.put("loadErrors", load.errors());
            Sys.log("W6 %s %s %s: ready %.0f ms, RSS %d MB at ready, %d MB after load (p99 %.1f ms, errors %d)", service,
                    variant.name(), phase, readyMs, rssReady, rssLoaded, load.p99us() / 1000.0, load.errors());
        } finally {
            p.destroy();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        String log = Files.readString(dir.resolve(service + "-" + variant.name() + "-" + phase + ".log"));
        Matcher m = STARTED.matcher(log);
        if (m.find()) {
            r.put("quarkusStartedInS", Double.parseDouble(m.group(1)));
        }
        return r;
    }

    double rate(String service) {
        return switch (service) {
            case "participant-service" -> 100;
            case "assessment-service" -> 50;
            case "reporting-service" -> 2;
            default -> 50;
        };
    }

    LongFunction<HttpRequest> workload(String service) {
        String coordinator = bench.city.token("coordinator");
        List<UUID> ids = new ArrayList<>(bench.city.participants);
        return switch (service) {
            case "participant-service" -> i -> get("/api/v1/participants/" + ids.get((int) (Bench.mix(i) % ids.size())),
                    service, coordinator);
            case "assessment-service" -> {
                String token = bench.city.token("integration");
                String at = java.time.OffsetDateTime.now().minusDays(1).toString();
                yield i -> City.post(sys.url(service, "/api/v1/administrations"), token, """
                        {"participantId":"%s","instrumentCode":"UCLA-3","phase":"PRE","administeredAt":"%s","mode":"INTERVIEWER",
                         "answers":{"1":2,"2":2,"3":2}}""".formatted(ids.get((int) (Bench.mix(i) % ids.size())), at));
            }
            case "reporting-service" -> i -> get("/api/v1/city/dashboard", service, coordinator);
            default -> i -> get("/api/v1/programme-templates", service, coordinator);
        };
    }

    HttpRequest get(String path, String service, String token) {
        return HttpRequest.newBuilder(URI.create(sys.url(service, path))).header("Authorization", "Bearer " + token).build();
    }
}

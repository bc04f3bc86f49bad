package org.peercircle.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import org.HdrHistogram.Recorder;
import org.peercircle.contracts.EventTypes;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs W1–W6 against the private copy that bench/run.sh started, with their raw baselines, and writes the results.
 * Sizes and windows come from system properties (bench.*) so that development runs can be small and short.
 */
public final class Bench {

    final Sys sys = Sys.fromEnv();
    final City city = new City(sys);
    final Path work;
    final Map<String, Object> results = new LinkedHashMap<>();
    final Map<String, Object> workloads = new LinkedHashMap<>();

    final int centres = Integer.getInteger("bench.centres", 20);
    final int restParticipants = Integer.getInteger("bench.participants", 2000);
    final int w3Events = Integer.getInteger("bench.w3.events", 1_000_000);
    final int citySmall = Integer.getInteger("bench.city.small", 10_000);
    final int cityLarge = Integer.getInteger("bench.city.large", 100_000);
    final int assessmentsPerPerson = Integer.getInteger("bench.city.assessments-per-person", 4);
    final Duration stepWindow = Duration.ofSeconds(Integer.getInteger("bench.step.seconds", 8));
    final Duration warmUp = Duration.ofSeconds(Integer.getInteger("bench.warmup.seconds", 10));
    final Duration measure = Duration.ofSeconds(Integer.getInteger("bench.measure.seconds", 30));
    /**
     * The warm-up of W4/W5's first stage, where outcome reads, dashboards and one-form batches are new to
     * reporting-service. In W4-only runs (2026-12-07) its JIT compilers took 0.6 of a core in the window after a 10 s
     * warm-up and 0.1-0.3 after 60 s; in a full run with 45 s they still took 0.3 at 10,000 and 0.23 at 100,000 (C2
     * compiles methods new to it for minutes on two busy cores), so the longer warm-up bought little and cost the run
     * its 30 minutes. Each W4 row shows that share.
     */
    final Duration w4FirstWarmUp = Duration.ofSeconds(Integer.getInteger("bench.w4.first-warmup.seconds", 10));
    final Duration w3Measure = Duration.ofSeconds(Integer.getInteger("bench.w3.measure.seconds", 45));
    /**
     * W1/W2 first run this long at twice their first step's rate: on two cores the JIT spends minutes compiling a
     * workload's code paths, and a step judged meanwhile measures the compiler, not the service.
     */
    final Duration restWarmUp = Duration.ofSeconds(Integer.getInteger("bench.rest.warmup.seconds", 60));
    final double w4Rate = Double.parseDouble(System.getProperty("bench.w4.rate", "200"));
    final String variants = System.getProperty("bench.w6.variants", "jar,aot-jar-25-lean");
    final boolean skipW6 = Boolean.getBoolean("bench.skip-w6");
    final int catchUpSeconds = Integer.getInteger("bench.catchup.seconds", 180);
    /** Waiting for the read models ends early when they have not grown for this long. */
    final int stallSeconds = Integer.getInteger("bench.stall.seconds", 30);
    final int searchBisections = Integer.getInteger("bench.search.bisections", 3);
    final Duration profileWindow = Duration.ofSeconds(Integer.getInteger("bench.profile.seconds", 15));

    /** How long a JVM's JIT is left to catch up after a recording starts in it before its samples count. */
    static final Duration JFR_SETTLE = Duration.ofSeconds(15);
    final String w6Services = System.getProperty("bench.w6.services", String.join(",", Sys.SERVICES));
    /** rest: the bench registers centres and participants itself; generator: tools' city generator does (slower). */
    final String loader = System.getProperty("bench.loader", "generator");
    final int generatorParticipants = Integer.getInteger("bench.generator.participants", 200);
    final int generatorGroups = Integer.getInteger("bench.generator.groups", 15);
    /** For trying one change: only these workloads (e.g. W1,W3), on the city already in a running copy if any. */
    final List<String> only = List.of(System.getProperty("bench.only", "W1,W2,W3,W4,W6").split(","));

    Bench(Path work) {
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Files.createDirectories(work);
        Bench b = new Bench(work);
        if (System.getProperty("bench.probe") != null) {
            b.probe(System.getProperty("bench.probe"));
            System.exit(0);
        }
        try {
            b.all();
        } finally {
            b.results.put("workloads", b.workloads);
            Report.write(b.results, work.resolve("result.json"));
            Sys.log("raw results in %s", work.resolve("result.json"));
        }
        System.exit(0);
    }

    void all() throws Exception {
        results.put("startedAt", OffsetDateTime.now().toString());
        results.put("machine", machine());
        results.put("hostProbeMsAtStart", HostProbe.millis());
        Map<String, Object> sizes = new LinkedHashMap<>();
        sizes.put("centres", centres);
        sizes.put("restParticipants", restParticipants);
        sizes.put("w3Events", w3Events);
        sizes.put("citySmall", citySmall);
        sizes.put("cityLarge", cityLarge);
        sizes.put("assessmentsPerPerson", assessmentsPerPerson);
        sizes.put("stepSeconds", stepWindow.toSeconds());
        sizes.put("warmUpSeconds", warmUp.toSeconds());
        sizes.put("measureSeconds", measure.toSeconds());
        sizes.put("w3MeasureSeconds", w3Measure.toSeconds());
        sizes.put("loader", loader);
        sizes.put("generatorParticipants", loader.equals("generator") ? generatorParticipants : 0);
        sizes.put("w6Variants", variants);
        results.put("settings", sizes);

        long t = System.nanoTime();
        existingCity();
        if (city.participants.isEmpty() && loader.equals("generator")) {
            try {
                generatedCity();
            } catch (Exception e) {
                // the bench's own registrations stand in; the result says so
                results.put("generatorError", e.toString());
                Sys.log("generator failed (%s); carrying on with the bench's own REST loader", e);
            }
            Sys.log("generator: %d participants in %d centres in %.1f s", city.participants.size(), city.centres.size(),
                    (System.nanoTime() - t) / 1e9);
        }
        if (city.centres.isEmpty()) {
            city.centres(centres);
        }
        // the rest of W1/W2's participants: plain registrations, 32 in flight (the generator screens and groups
        // each person too, ~9 people/s on 2 cores: too slow for thousands)
        int more = restParticipants - city.participants.size();
        if (more > 0) {
            long r = System.nanoTime();
            city.participants(more);
            Sys.log("registered %d more participants through REST in %.1f s", more, (System.nanoTime() - r) / 1e9);
        }
        results.put("restLoadSeconds", (System.nanoTime() - t) / 1e9);
        idTable("participant", "SELECT id, centre_id FROM participant");
        awaitCount("assessment", "SELECT count(*) FROM participant_directory", city.participants.size(), 120);
        idTable("assessment", "SELECT participant_id, centre_id FROM participant_directory");

        if (only.contains("W1")) {
            guarded("W1", this::w1);
        }
        if (only.contains("W2")) {
            guarded("W2", this::w2);
        }
        Map<String, Object> rss = new LinkedHashMap<>();
        Map<String, Object> memory = new LinkedHashMap<>();
        for (String s : Sys.SERVICES) {
            long kb = Sys.rssKb(sys.pid(s));
            rss.put(s, kb / 1024);
            memory.put(s, JvmMemory.of(sys.pid(s), kb, work, "after-w1w2-" + s));
        }
        results.put("rssAfterW1W2Mb", rss);
        results.put("memoryAfterW1W2", memory);
        Sys.log("RSS after W1-W2 (MB): %s; by part: %s", rss, memory);
        health("after W1-W2");
        if (only.contains("W3")) {
            guarded("W3", this::w3);
        }
        if (only.contains("W4")) {
            guarded("W4", this::w4w5);
        }
        // profiles last, in windows of their own: see profileAtHalf
        long profiles = System.nanoTime();
        if (only.contains("W1")) {
            profileAtHalf("W1", "participant-service", w1Request(), 200);
        }
        if (only.contains("W2")) {
            profileAtHalf("W2", "assessment-service", w2Request(), 201);
        }
        if (only.contains("W4")) {
            profileDashboards();
        }
        phases.put("profiles", Math.round((System.nanoTime() - profiles) / 1e9));
        if (!skipW6 && only.contains("W6")) {
            guarded("W6", () -> new Startup(this).run(List.of(variants.split(",")), List.of(w6Services.split(","))));
        }
        results.put("phaseSeconds", phases);
        results.put("phaseHostCpuStolenPercent", stolen);
        results.put("hostProbeMsAtEnd", HostProbe.millis());
        results.put("finishedAt", OffsetDateTime.now().toString());
    }

    interface Phase {
        void run() throws Exception;
    }

    final Map<String, Object> phases = new LinkedHashMap<>();
    /** Per phase, the percentage of the machine's CPU the hypervisor gave to other guests. */
    final Map<String, Object> stolen = new LinkedHashMap<>();

    /**
     * Runs one workload; if it throws, the run goes on with the next and the workload's row says why (with the
     * services' state), instead of the whole run ending without figures.
     */
    @SuppressWarnings("unchecked")
    void guarded(String name, Phase phase) {
        long t = System.nanoTime();
        long[] host = Sys.hostTicks();
        try {
            phase.run();
        } catch (Throwable e) {
            String why = e.getClass().getSimpleName() + ": " + e.getMessage();
            List<String> problems = health("when " + name + " failed");
            if (!problems.isEmpty()) {
                why += "; " + String.join("; ", problems);
            }
            Sys.log("%s FAILED: %s", name, why);
            e.printStackTrace(System.out);
            Object existing = workloads.get(name);
            Map<String, Object> w = existing instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m)
                    : new LinkedHashMap<>();
            w.put("error", why);
            workloads.put(name, w);
        }
        phases.put(name, Math.round((System.nanoTime() - t) / 1e9));
        stolen.put(name, Sys.stolenPercent(host, Sys.hostTicks()));
    }

    /** The services' state now (dead, or alive with OutOfMemoryError in the log), kept in the results. */
    @SuppressWarnings("unchecked")
    List<String> health(String when) {
        List<String> problems = new ArrayList<>();
        for (String s : Sys.SERVICES) {
            String p = sys.problem(s);
            if (p != null) {
                problems.add(p);
            }
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("when", when);
        entry.put("problems", problems);
        ((List<Object>) results.computeIfAbsent("serviceHealth", k -> new ArrayList<>())).add(entry);
        if (!problems.isEmpty()) {
            Sys.log("service health %s: %s", when, problems);
        }
        return problems;
    }

    /**
     * The REST-built part of the city made by the tools module's city generator (deploy/local/generate-city.sh):
     * centres with screening rules, registered and screened people, groups run through their sessions with PRE and
     * POST forms. W1 and W2 then use the participants it registered.
     */
    void generatedCity() throws Exception {
        Path log = work.resolve("generate-city.log");
        List<String> cmd = List.of(sys.root.resolve("tools/run.sh").toString(), "city", "--home", sys.home.toString(),
                "--port-base", String.valueOf(sys.portBase), "--centres", String.valueOf(centres), "--participants",
                String.valueOf(Math.min(generatorParticipants, restParticipants)), "--groups", String.valueOf(generatorGroups), "--seed",
                String.valueOf(System.currentTimeMillis() % 1_000_000), "--concurrency", "12");
        Tools.run(log, cmd, 300); // ~60 s at the default size; a hung generator must not eat the run
        Files.readAllLines(log).stream().filter(l -> l.startsWith("  ") || l.startsWith("City")).forEach(l -> Sys.log("generator: %s", l.trim()));
        existingCity();
    }

    /**
     * One fixed-rate window of W1 or W2 on a running copy ("W1:2000" = 2,000 requests/s), with where the CPU went:
     * for trying a change quickly, without the whole run.
     */
    void probe(String spec) throws Exception {
        existingCity();
        String[] p = spec.split(":");
        double rate = Double.parseDouble(p[1]);
        LongFunction<OpenLoad.Call> request = p[0].equals("W1") ? w1Request() : w2Request();
        int expected = p[0].equals("W1") ? 200 : 201;
        OpenLoad load = new OpenLoad(4000);
        load.run(rate, Duration.ZERO, warmUp, request, expected);
        CpuShare cpu = CpuShare.start();
        OpenLoad.Result r = load.run(rate, Duration.ZERO, measure, request, expected);
        Map<String, Double> seconds = cpu.stop();
        Sys.log("%s at %.0f/s: achieved %.0f/s p50 %.2f ms p99 %.2f ms errors %d dropped %d %s", p[0], rate,
                r.achievedRate(), r.p50us() / 1000.0, r.p99us() / 1000.0, r.errors(), r.dropped(),
                r.firstError() == null ? "" : r.firstError());
        Sys.log("CPU seconds: %s", seconds);
        Sys.log("CPU us per request: %s", CpuShare.perRequest(seconds, r.ok()));
    }

    /** The centres and participants the running copy holds (none in a fresh one; the generator's after it ran). */
    void existingCity() throws Exception {
        city.centres.clear();
        city.participants.clear();
        try (Connection c = sys.db("participant"); var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT id FROM centre ORDER BY id")) {
                while (rs.next()) {
                    city.centres.add(rs.getObject(1, UUID.class));
                }
            }
            try (var rs = st.executeQuery("SELECT id FROM participant WHERE erased_at IS NULL")) {
                while (rs.next()) {
                    city.participants.add(rs.getObject(1, UUID.class));
                }
            }
        }
        Sys.log("reusing the running copy's %d centres and %d participants", city.centres.size(), city.participants.size());
    }

    static Map<String, Object> machine() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                m.put("memoryMb", Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024);
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                m.put("cpu", line.substring(line.indexOf(':') + 1).trim());
                break;
            }
        }
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        return m;
    }

    /** bench_ids(n, id, centre_id): lets a pgbench script pick the n-th known participant as the service would. */
    void idTable(String db, String select) throws Exception {
        sys.exec(db, "DROP TABLE IF EXISTS bench_ids; CREATE TABLE bench_ids AS SELECT (row_number() OVER ())::int AS n, "
                + "q.* FROM (" + select + ") q; ALTER TABLE bench_ids ADD PRIMARY KEY (n); ANALYZE bench_ids");
    }

    void awaitCount(String db, String sql, long expected, int seconds) throws InterruptedException {
        long n = 0;
        for (int i = 0; i < seconds * 2; i++) {
            n = sys.count(db, sql);
            if (n >= expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(db + ": " + sql + " = " + n + ", expected " + expected);
    }

    // --- W1 / W2: max rate by stepping, p99 at half of it, pgbench beside it -----------------------------------

    Map<String, Object> stepAndMeasure(String name, String service, LongFunction<OpenLoad.Call> request, int expected,
            double firstRate) throws Exception {
        OpenLoad load = new OpenLoad(4000);
        List<Object> steps = new ArrayList<>();
        double max = 0;
        double peakAchieved = 0;
        Sys.log("%s: warming up for %d s at %.0f/s", name, restWarmUp.toSeconds(), firstRate * 2);
        load.run(firstRate * 2, Duration.ZERO, restWarmUp, request, expected);
        // doubling until a step fails, then bisecting (geometrically) between the last held and the first failed
        // rate: the same stable windows as a fine ladder, in about half the steps, and within 2^(1/2^k) of the limit
        double rate = firstRate;
        double failed = 0;
        int bisections = 0;
        while (true) {
            OpenLoad.Result r = load.run(rate, Duration.ofSeconds(2), stepWindow, request, expected);
            steps.add(r);
            peakAchieved = Math.max(peakAchieved, r.achievedRate());
            boolean held = r.sustained(500_000);
            Sys.log("%s step %.0f/s: achieved %.0f/s p99 %.1f ms errors %d dropped %d %s%s", name, rate, r.achievedRate(),
                    r.p99us() / 1000.0, r.errors(), r.dropped(), held ? "held" : "NOT held",
                    r.firstError() == null ? "" : " " + r.firstError());
            if (held) {
                max = rate;
            } else if (max == 0) {
                if (rate <= 2) {
                    break; // not even 2/s: there is no max rate to report
                }
                rate = rate / 2; // not even the first step held: step down instead
                Thread.sleep(5000);
                continue;
            } else {
                failed = rate;
            }
            if (failed == 0) {
                rate = rate * 2;
            } else if (bisections++ < searchBisections) {
                rate = Math.sqrt(max * failed);
            } else {
                break;
            }
            // an overloaded step leaves a queue behind in the service: let it drain before the next one
            Thread.sleep(held ? 2000 : 6000);
        }
        // no profiler here: see profileAtHalf
        Thread.sleep(6_000);
        double half = Math.max(1, max / 2);
        load.run(half, Duration.ZERO, warmUp, request, expected);
        CpuShare cpu = CpuShare.start();
        JvmThreads threads = new JvmThreads(Path.of("/proc"), sys.pid(service));
        OpenLoad.Result atHalf = load.run(half, Duration.ZERO, measure, request, expected);
        Map<String, Long> cpuPerRequest = CpuShare.perRequest(cpu.stop(), atHalf.ok());
        Map<String, Long> threadsPerRequest = CpuShare.perRequest(threads.stop(), atHalf.ok());
        Sys.log("%s CPU us per request at half of max: %s", name, cpuPerRequest);
        Sys.log("%s at %.0f/s (50%% of max %.0f/s): p50 %.1f ms p99 %.1f ms achieved %.0f/s errors %d", name, half, max,
                atHalf.p50us() / 1000.0, atHalf.p99us() / 1000.0, atHalf.achievedRate(), atHalf.errors());
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("maxRate", max);
        w.put("peakAchievedRate", peakAchieved);
        w.put("steps", steps);
        w.put("atHalfMax", atHalf);
        w.put("cpuUsPerRequestAtHalfMax", cpuPerRequest);
        w.put("serviceThreadsUsPerRequestAtHalfMax", Map.of(service, threadsPerRequest));
        return w;
    }

    /**
     * W1's or W2's profile, at half of its max rate, taken after every other workload has its figures: a recording
     * started in a running JVM leaves its JIT recompiling for minutes (see Tools.startJfr; in one run the assessment
     * service's C2 thread still took 62% of a core during W3, two minutes after W2's recording), which the baselines
     * and the workloads after it would share the machine with. The JIT's first catch-up is left out of the samples.
     */
    @SuppressWarnings("unchecked")
    void profileAtHalf(String name, String service, LongFunction<OpenLoad.Call> request, int expected) {
        Map<String, Object> w = (Map<String, Object>) workloads.get(name);
        if (w == null || !(w.get("maxRate") instanceof Double max)) {
            return;
        }
        try {
            long pid = sys.pid(service);
            Path jfr = Tools.startJfr(pid, work, name.toLowerCase() + "-" + service);
            Instant profileFrom = Instant.now().plus(JFR_SETTLE);
            w.put("profiledWindow", new OpenLoad(4000).run(Math.max(1, max / 2), JFR_SETTLE, profileWindow, request,
                    expected));
            w.put("profile", Tools.stopJfr(pid, jfr, profileFrom));
        } catch (Exception e) {
            w.put("profile", Map.of("error", String.valueOf(e)));
        }
    }

    /** W1's request number i: a coordinator reads a participant picked by a fixed pseudo-random sequence. */
    LongFunction<OpenLoad.Call> w1Request() {
        List<UUID> ids = new ArrayList<>(city.participants);
        String token = city.token("coordinator");
        return i -> OpenLoad.Call.get(sys.url("participant-service",
                "/api/v1/participants/" + ids.get((int) (mix(i) % ids.size()))), token);
    }

    void w1() throws Exception {
        List<UUID> ids = new ArrayList<>(city.participants);
        Map<String, Object> w = stepAndMeasure("W1", "participant-service", w1Request(), 200, 400);
        String script = """
                \\set i random(1, %d)
                BEGIN;
                SELECT p.* FROM participant p WHERE p.id = (SELECT id FROM bench_ids WHERE n = :i);
                INSERT INTO audit_entry (occurred_at, subject, role, operation, participant_id, centre_id)
                  SELECT now(), 'bench.coordinator', 'coordinator', 'VIEW', id, centre_id FROM bench_ids WHERE n = :i;
                END;
                """.formatted(ids.size());
        Tools.PgBench pg = Tools.pgbench(sys, work, "w1-pgbench", "participant", script, 8, (int) measure.toSeconds());
        Sys.log("W1 pgbench: %.0f tps", pg.tps());
        w.put("baseline", pg);
        w.put("ratio", (double) w.get("maxRate") / pg.tps());
        workloads.put("W1", w);
    }

    /** W2's request number i: the city platform submits a UCLA-3 form for a participant (answers vary with i). */
    LongFunction<OpenLoad.Call> w2Request() {
        List<UUID> ids = new ArrayList<>(city.participants);
        String token = city.token("integration");
        String at = OffsetDateTime.now().minusDays(1).toString();
        return i -> OpenLoad.Call.post(sys.url("assessment-service", "/api/v1/administrations"), token, """
                {"participantId":"%s","instrumentCode":"UCLA-3","phase":"PRE","administeredAt":"%s","mode":"INTERVIEWER",
                 "answers":{"1":%d,"2":%d,"3":%d}}""".formatted(ids.get((int) (mix(i) % ids.size())), at, 1 + i % 3,
                        1 + (i / 3) % 3, 1 + (i / 9) % 3));
    }

    void w2() throws Exception {
        List<UUID> ids = new ArrayList<>(city.participants);
        Map<String, Object> w = stepAndMeasure("W2", "assessment-service", w2Request(), 201, 100);
        String payload = """
                {"administrationId":"00000000-0000-4000-8000-000000000000","revision":0,"participantId":"00000000-0000-4000-8000-000000000000","centreId":"00000000-0000-4000-8000-000000000000","groupId":null,"instrumentCode":"UCLA-3","instrumentVersion":1,"phase":"PRE","administeredAt":"2026-03-02T10:30:00+08:00","totalScore":6.0,"subscaleScores":{"total":6.0},"band":"LONELY","prorated":false,"higherIsWorse":true,"reliability":0.72,"normSd":null,"itemValues":{"1":2.0,"2":3.0,"3":1.0}}""";
        String uuid = "('00000000-0000-4000-8000-' || lpad(to_hex(:k::bigint), 12, '0'))::uuid";
        String script = """
                \\set i random(1, %d)
                \\set k random(1, 140000000000000)
                BEGIN;
                SELECT participant_id, centre_id, status, erased FROM participant_directory WHERE participant_id = (SELECT participant_id FROM bench_ids WHERE n = :i);
                INSERT INTO administration (id, participant_id, centre_id, group_id, instrument_code, instrument_version, phase, mode, administered_at, revision, answers, total_score, subscale_scores, band, prorated, submitted_at, submitted_by, version) SELECT %s, participant_id, centre_id, NULL, 'UCLA-3', 1, 'PRE', 'INTERVIEWER', now(), 0, '{"1":2,"2":3,"3":1}', 6, '{"total":6}', 'LONELY', false, now(), 'bench.integration', 0 FROM bench_ids WHERE n = :i;
                INSERT INTO administration_revision (administration_id, revision, administered_at, answers, total_score, subscale_scores, band, prorated, reason, recorded_at, recorded_by) VALUES (%s, 0, now(), '{"1":2,"2":3,"3":1}', 6, '{"total":6}', 'LONELY', false, NULL, now(), 'bench.integration');
                INSERT INTO outbox_event (id, topic, event_type, subject, payload, occurred_at, published_at) SELECT gen_random_uuid(), 'bench-baseline', 'assessment.completed.v1', '00000000-0000-4000-8000-000000000000', p, now(), now() FROM bench_payload;
                END;
                """.formatted(ids.size(), uuid, uuid);
        // the event payload as the service writes it (a literal in the script would be parsed for :variables)
        sys.exec("assessment", "DROP TABLE IF EXISTS bench_payload; CREATE TABLE bench_payload AS SELECT '"
                + payload + "'::json AS p");
        Tools.PgBench pg = Tools.pgbench(sys, work, "w2-pgbench", "assessment", script, 8, (int) measure.toSeconds());
        Sys.log("W2 pgbench: %.0f tps", pg.tps());
        w.put("baseline", pg);
        w.put("ratio", (double) w.get("maxRate") / pg.tps());
        workloads.put("W2", w);
    }

    static long mix(long i) {
        long z = i * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 31)) * 0xBF58476D1CE4E5B9L;
        return (z ^ (z >>> 29)) & Long.MAX_VALUE;
    }

    // --- W3: replay into fresh read models vs the raw consumer --------------------------------------------------

    void w3() throws Exception {
        String topic = "bench-w3-assessment-events-" + System.currentTimeMillis();
        long t = System.nanoTime();
        try (Events events = new Events(sys.kafka)) {
            UUID centre = city.centres.get(0);
            for (int i = 0; i < w3Events; i++) {
                City.Member m = new City.Member(UUID.randomUUID(), city.centres.get(i % city.centres.size()),
                        i % 5 == 0 ? null : new UUID(centre.getMostSignificantBits(), i / 10));
                String[] phases = { "PRE", "POST" };
                events.publish(EventTypes.ASSESSMENT_COMPLETED, topic, m.participantId(),
                        city.scored(m, i % 2 == 0 ? "UCLA-3" : "GSE-10", phases[(i / 2) % 2], 0));
            }
            events.flush();
        }
        Sys.log("W3: published %d assessment.completed.v1 to %s in %.1f s", w3Events, topic, (System.nanoTime() - t) / 1e9);
        Tools.ConsumerPerf raw = Tools.consumerPerformance(sys, work, topic, w3Events);
        Sys.log("W3 baseline ConsumerPerformance: %.0f msg/s", raw.msgPerSec());
        // kept at once: if the service under test then fails, the row still shows the baseline beside the reason
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("baseline", raw);
        workloads.put("W3", w);

        // a second reporting-service on a fresh database, reading the W3 topic from the beginning
        String db = "reporting_w3";
        sys.exec("postgres", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
        sys.exec("postgres", "CREATE DATABASE " + db);
        int port = sys.portBase + 5;
        String group = "bench-w3-" + System.currentTimeMillis();
        List<String> cmd = new ArrayList<>(List.of(Tools.javaBin()));
        cmd.addAll(Sys.serviceJavaOpts());
        cmd.add(CpuShare.INSTANCE_PROPERTY + W3_INSTANCE);
        Path jfr = work.resolve("w3-reporting.jfr");
        cmd.add(Tools.jfrAtLaunch(jfr));
        cmd.add("-Dmp.messaging.incoming.assessment-events.topic=" + topic);
        for (String channel : List.of("participant-events", "session-events", "assessment-events")) {
            cmd.add("-Dmp.messaging.incoming." + channel + ".group.id=" + group);
        }
        // for trying settings on the replay alone, separated by ";" (e.g. -Xmn64m;-Dmp.messaging.incoming...=500)
        String extra = System.getProperty("bench.w3.instance-opts", "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split(";")));
        }
        cmd.addAll(List.of("-jar", sys.root.resolve("reporting-service/target/quarkus-app/quarkus-run.jar").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(work.resolve("w3-reporting.log").toFile());
        pb.environment().putAll(sys.serviceEnv("reporting-service", port, db));
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            String countSql = "SELECT count(*) FROM assessment_score";
            while (sys.count(db, countSql) <= 0) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    throw new IllegalStateException("W3 reporting instance consumed nothing; see " + work.resolve("w3-reporting.log"));
                }
                Thread.sleep(200);
            }
            long firstRow = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(15).toMillis());
            // rows are counted exactly at the window's two ends only (the count's snapshot is taken as it starts);
            // in between, the table's insert counter tells when all are in: a count(*) each second over up to a
            // million rows was itself in about one in six samples of the database's active work
            String progressSql = "SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = 'assessment_score'";
            CpuShare cpu = CpuShare.start();
            JvmThreads threads = new JvmThreads(Path.of("/proc"), p.pid());
            Instant window = Instant.now();
            long m0 = System.nanoTime();
            long c0 = sys.count(db, countSql);
            while (System.nanoTime() - m0 < w3Measure.toNanos() && sys.count(db, progressSql) < w3Events) {
                Thread.sleep(1000);
            }
            long m1 = System.nanoTime();
            long c1 = sys.count(db, countSql);
            Map<String, Long> cpuPerEvent = CpuShare.perRequest(cpu.stop(), c1 - c0);
            Map<String, Long> threadsPerEvent = CpuShare.perRequest(threads.stop(), c1 - c0);
            double rate = (c1 - c0) / ((m1 - m0) / 1e9);
            Sys.log("W3 reporting ingest: %.0f events/s (%d rows after %.0f s)", rate, c1, (m1 - firstRow) / 1e9);
            w.put("ingestRate", rate);
            w.put("rowsAtEnd", c1);
            w.put("secondsSinceFirstRow", (m1 - firstRow) / 1e9);
            w.put("projectedFullReplaySeconds", w3Events / Math.max(rate, 1));
            w.put("ratio", rate / raw.msgPerSec());
            w.put("cpuUsPerEvent", cpuPerEvent);
            w.put("replayJvmUsPerEvent", threadsPerEvent);
            w.put("rssMb", Sys.rssKb(p.pid()) / 1024);
            w.put("profile", Tools.stopJfr(p.pid(), jfr, window));
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly();
        }
        workloads.put("W3", w);
        try {
            w.put("databaseAlone", databaseAlone(db));
        } catch (Exception e) {
            w.put("databaseAlone", Map.of("error", String.valueOf(e)));
        }
        // nothing of W3 may work on during W4/W5: autovacuum of its two million fresh rows, or the dirty pages a
        // checkpoint would write then
        sys.exec("postgres", "DROP DATABASE " + db + " WITH (FORCE)");
        sys.exec("postgres", "CHECKPOINT");
    }

    /** What the W3 replay's instance is called in the CPU breakdowns (the running reporting-service is another). */
    static final String W3_INSTANCE = "reporting-service (W3 replay)";

    /**
     * PostgreSQL's own part of W3, for scale: the rows the replay wrote, copied out and then in again with one binary
     * COPY into an empty copy of the table (its indexes included), by one connection, with nothing else writing. What a
     * replay costs the database beyond this is the service's batching, upserts and tallies.
     */
    Map<String, Object> databaseAlone(String db) throws Exception {
        Path rows = work.resolve("w3-scores.copy");
        try (Connection c = sys.db(db)) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(rows), 1 << 16)) {
                copy.copyOut("COPY assessment_score TO STDOUT (FORMAT binary)", out);
            }
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE w3_database_alone (LIKE assessment_score INCLUDING ALL)");
            }
            CpuShare cpu = CpuShare.start();
            long t0 = System.nanoTime();
            long copied;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(rows), 1 << 16)) {
                copied = copy.copyIn("COPY w3_database_alone FROM STDIN (FORMAT binary)", in);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Long> cpuPerRow = CpuShare.perRequest(cpu.stop(), copied);
            Map<String, Object> alone = new LinkedHashMap<>();
            alone.put("rows", copied);
            alone.put("seconds", seconds);
            alone.put("rowsPerSec", copied / seconds);
            alone.put("cpuUsPerRow", cpuPerRow);
            Sys.log("W3 database alone: COPY of %d rows into an empty copy of the table at %.0f rows/s; CPU us per row %s",
                    copied, copied / seconds, cpuPerRow);
            return alone;
        } finally {
            Files.deleteIfExists(rows);
        }
    }

    // --- W4 + W5: freshness at 200/s while the dashboards are read, at 10k and at 100k participants --------------

    @SuppressWarnings("unchecked")
    void w4w5() throws Exception {
        // one member per measured form (warm-up forms are second PRE forms, which add no one to an outcome)
        int cohort = (int) Math.ceil(w4Rate * measure.toSeconds() * 1.05);
        Map<String, Object> w4 = new LinkedHashMap<>();
        Map<String, Object> w5 = new LinkedHashMap<>();
        int people = 0;
        long assessments = 0;
        for (int target : List.of(citySmall, cityLarge)) {
            int add = target - people;
            long addAssessments = (long) target * assessmentsPerPerson - assessments;
            // what the read models held before (the REST-built part of the city is in them too)
            long cohort0 = Math.max(0, sys.count("reporting", "SELECT count(*) FROM participant_cohort"));
            long scores0 = Math.max(0, sys.count("reporting", "SELECT count(*) FROM assessment_score WHERE group_id IS NOT NULL"));
            long directory0 = Math.max(0, sys.count("assessment", "SELECT count(*) FROM participant_directory"));
            long t = System.nanoTime();
            Instant stageStart = Instant.now();
            List<City.Member> w4Cohort;
            try (Events events = new Events(sys.kafka)) {
                w4Cohort = city.grow(events, add, (int) addAssessments, Math.min(cohort, add));
            }
            people = target;
            assessments += addAssessments;
            Sys.log("city: published %d more participants (%d assessments) in %.1f s; waiting for the read models", add,
                    addAssessments, (System.nanoTime() - t) / 1e9);
            long w = System.nanoTime();
            // wait for the read models, but at most bench.catchup.seconds, and not at all once they stop growing:
            // then measure what is there and say so
            long cap = w + Duration.ofSeconds(catchUpSeconds).toNanos();
            long inCohort = 0;
            long inScores = 0;
            long inDirectory = 0;
            long lastGrowth = System.nanoTime();
            long lastTotal = -1;
            String stopped = null;
            while (true) {
                inCohort = sys.count("reporting", "SELECT count(*) FROM participant_cohort");
                inScores = sys.count("reporting", "SELECT count(*) FROM assessment_score WHERE group_id IS NOT NULL");
                inDirectory = sys.count("assessment", "SELECT count(*) FROM participant_directory");
                if (inCohort >= cohort0 + add && inScores >= scores0 + addAssessments && inDirectory >= directory0 + add) {
                    // and the dashboards show them: the tallies a catch-up leaves to one recomputation are settled
                    // (dashboard/TallyBacklog); until then W5 would time dashboards over the smaller city
                    if (sys.count("reporting", "SELECT count(*) FROM tally_backlog") == 0) {
                        break;
                    }
                    lastGrowth = System.nanoTime();
                }
                long total = inCohort + inScores + inDirectory;
                if (total != lastTotal) {
                    lastTotal = total;
                    lastGrowth = System.nanoTime();
                } else if (System.nanoTime() - lastGrowth > Duration.ofSeconds(stallSeconds).toNanos()) {
                    stopped = "read models stopped growing for " + stallSeconds + " s";
                    break;
                }
                if (System.nanoTime() > cap) {
                    stopped = "read models still behind after the " + catchUpSeconds + " s cap";
                    break;
                }
                Thread.sleep(1000);
            }
            double caughtUp = (System.nanoTime() - w) / 1e9;
            // A bulk load leaves autovacuum hundreds of thousands of new rows to visit; it ran in the middle of W5
            // at 100,000 (the run started 17:05 on 2026-12-06, results/2026-12-06T1730), vacuuming assessment_score
            // and the others on the two cores W5 timed.
            // Done here, as after any bulk import, so that W4/W5 measure the city's steady state.
            long vacuum = System.nanoTime();
            for (String db : List.of("participant", "session", "assessment", "reporting")) {
                sys.exec(db, "VACUUM (ANALYZE)");
            }
            Sys.log("read models hold %d participants / %d assessments of %d / %d published (assessment directory %d)%s",
                    inCohort, inScores, people, assessments, inDirectory, stopped == null ? "" : ": " + stopped);
            Sys.log("city of %d participants / %d assessments in the read models after %.1f s", people, assessments, caughtUp);
            Map<String, Object> stage = new LinkedHashMap<>();
            stage.put("participants", people);
            stage.put("assessments", assessments);
            stage.put("secondsToCatchUp", caughtUp);
            stage.put("vacuumAnalyzeSeconds", (System.nanoTime() - vacuum) / 1e9);
            stage.put("participantsInReadModel", inCohort);
            stage.put("assessmentsInReadModel", inScores);
            stage.put("assessmentDirectory", inDirectory);
            List<String> why = new ArrayList<>();
            if (stopped != null) {
                why.add(String.format(java.util.Locale.ROOT, "%s: reporting took in %,d of %,d new participants and %,d of %,d new assessments in %.0f s",
                        stopped, inCohort - cohort0, add, inScores - scores0, addAssessments, caughtUp));
                stage.put("catchUpStopped", stopped);
            }
            why.addAll(health("after loading " + people + " participants"));
            String key = String.valueOf(people);
            Object[] both = freshnessAndDashboards(w4Cohort, people == citySmall ? w4FirstWarmUp : warmUp);
            // a pause of seconds stops a service's event loops, its consumers and the tallies' recomputation alike
            Map<String, Object> gc = new LinkedHashMap<>();
            for (String service : Sys.SERVICES) {
                GcPauses pauses = GcPauses.in(sys.home.resolve("logs/" + service + "-gc.log"), stageStart, Instant.now());
                gc.put(service, pauses);
                if (pauses.longestMs() >= LONG_GC_PAUSE_MS) {
                    why.add("GC pauses of " + service + " from the load to W4/W5's end: " + pauses);
                }
            }
            stage.put("gcPauses", gc);
            // a service that died during the stage explains its missing figures too
            for (String p : health("after W4/W5 at " + people + " participants")) {
                if (!why.contains(p)) {
                    why.add(p);
                }
            }
            ((Map<String, Object>) both[0]).put("context", why);
            ((Map<String, Object>) both[1]).put("context", why);
            stage.put("w4", both[0]);
            w4.put(key, both[0]);
            w5.put(key, both[1]);
            results.computeIfAbsent("cityStages", k -> new ArrayList<>());
            ((List<Object>) results.get("cityStages")).add(stage);
        }
        workloads.put("W4", w4);
        workloads.put("W5", w5);
    }

    /** A GC pause this long is a tenth of W4's target: the stage's context names it. */
    static final double LONG_GC_PAUSE_MS = 100;

    /**
     * W4 polls each group with a pending form this often: a tenth of the 1 s target as resolution. Polling every 50 ms
     * made the bench's own outcome requests a fifth of reporting-service's CPU at 100,000 participants, load no
     * front end puts on it.
     */
    static final Duration OUTCOME_POLL = Duration.ofMillis(100);

    /**
     * W4 clocks every this many-th form (40 a second at 200/s: 1,200 samples in 30 s, so p99 rests on a dozen).
     * Clocking every form kept about fifty groups' outcomes polled at once: the bench's polls were then the largest
     * part of reporting-service's work (27% of its samples at 100,000 participants) and queued W5's dashboards
     * behind them on the read pool, load no front end puts on it.
     */
    static final int CLOCKED_FORMS = 5;

    /** A dashboard that takes longer than this has failed its 50 ms target anyway; it counts as an error. */
    static final Duration DASHBOARD_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param warm the warm-up: POSTs at W4's rate of a second PRE form for the cohort's members (a PRE adds no one
     *        to a group's outcome, so the measured POST forms that follow find every member still missing there), an
     *        outcome read for every {@value #CLOCKED_FORMS}th, and the dashboards at W5's rates
     */
    @SuppressWarnings("unchecked")
    Object[] freshnessAndDashboards(List<City.Member> cohort, Duration warm) throws Exception {
        String token = city.token("coordinator");
        String swToken = city.token("integration");
        List<City.Member> members = new ArrayList<>(cohort);
        Collections.shuffle(members, new java.util.Random(7));
        Recorder freshness = new Recorder(3_600_000_000L, 3);
        Map<UUID, Map<UUID, Long>> pending = new ConcurrentHashMap<>();
        Map<UUID, Boolean> polling = new ConcurrentHashMap<>();
        // the loads start at once and warm up
        long measureFrom = System.nanoTime() + warm.toNanos();
        long warmForms = (long) Math.ceil(w4Rate * warm.toNanos() / 1e9);
        java.util.concurrent.atomic.AtomicLong pollsOk = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong pollsFailed = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstPollError = new java.util.concurrent.atomic.AtomicReference<>();
        Recorder pollLatency = new Recorder(3_600_000_000L, 3);
        ScheduledExecutorService poller = Executors.newScheduledThreadPool(2);
        long[] missed = new long[1];
        String at = OffsetDateTime.now().minusHours(1).toString();
        OpenLoad polls = new OpenLoad(16, 1000);
        java.util.function.Consumer<UUID> poll = new java.util.function.Consumer<>() {
            @Override
            public void accept(UUID group) {
                OpenLoad.Call r = OpenLoad.Call.get(sys.url("reporting-service", "/api/v1/groups/" + group + "/outcomes"),
                        token).within(DASHBOARD_TIMEOUT);
                long sentAt = System.nanoTime();
                polls.send(r).thenAccept(resp -> {
                    long now = System.nanoTime();
                    boolean ok = resp.status() == 200;
                    if (ok) {
                        pollsOk.incrementAndGet();
                        pollLatency.recordValue(Math.min((now - sentAt) / 1000, 3_600_000_000L));
                    } else {
                        pollsFailed.incrementAndGet();
                        firstPollError.compareAndSet(null, resp.describe());
                    }
                    Map<UUID, Long> waiting = pending.get(group);
                    if (ok && waiting != null) {
                        try {
                            for (JsonNode instrument : City.JSON.readTree(resp.body()).path("instruments")) {
                                for (JsonNode m : instrument.path("total").path("members")) {
                                    UUID p = UUID.fromString(m.get("participantId").asText());
                                    Long respondedAt = waiting.remove(p);
                                    if (respondedAt != null && respondedAt >= measureFrom) {
                                        freshness.recordValue((now - respondedAt) / 1000);
                                    }
                                }
                            }
                        } catch (Exception ex) {
                            // keep polling
                        }
                    }
                    if (waiting != null && !waiting.isEmpty()) {
                        poller.schedule(() -> this.accept(group), OUTCOME_POLL.toMillis(), TimeUnit.MILLISECONDS);
                    } else {
                        polling.remove(group);
                        if (waiting != null && !waiting.isEmpty() && polling.putIfAbsent(group, Boolean.TRUE) == null) {
                            this.accept(group);
                        }
                    }
                });
            }
        };
        LongFunction<City.Member> member = i -> members.get((int) ((i < warmForms ? i : i - warmForms) % members.size()));
        LongFunction<OpenLoad.Call> post = i -> {
            City.Member m = member.apply(i);
            return OpenLoad.Call.post(sys.url("assessment-service", "/api/v1/administrations"), swToken, """
                    {"participantId":"%s","groupId":"%s","instrumentCode":"UCLA-3","phase":"%s","administeredAt":"%s",
                     "mode":"INTERVIEWER","answers":{"1":1,"2":1,"3":1}}""".formatted(m.participantId(), m.groupId(),
                    i < warmForms ? "PRE" : "POST", at));
        };
        // during the warm-up, one read of the form's group outcome, as a measured form's clock starts with
        java.util.function.Consumer<UUID> warmPoll = group -> polls.send(OpenLoad.Call.get(
                sys.url("reporting-service", "/api/v1/groups/" + group + "/outcomes"), token).within(DASHBOARD_TIMEOUT));
        // W4's own load loop: like OpenLoad, but each 201 starts a freshness clock for its group's outcome
        java.util.concurrent.atomic.AtomicReference<OpenLoad.Result> w4Result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread w4Thread = new Thread(() -> {
            try {
                w4Result.set(runW4(warm, member, warmForms, post, pending, polling, poll, warmPoll));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        // the machine's CPU over the measured window, by process group: what else took it shows there
        java.util.concurrent.atomic.AtomicReference<CpuShare> cpu = new java.util.concurrent.atomic.AtomicReference<>();
        // and each service's by what its threads do: a service still compiling its code is not at its steady state
        Map<String, JvmThreads> serviceThreads = new ConcurrentHashMap<>();
        Thread cpuWindow = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
                cpu.set(CpuShare.start());
                for (String service : Sys.SERVICES) {
                    serviceThreads.put(service, new JvmThreads(Path.of("/proc"), sys.pid(service)));
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        cpuWindow.start();
        w4Thread.start();
        Dashboards w5 = dashboards(token, warm, measure);
        w4Thread.join();
        cpuWindow.join();
        Map<String, Double> cpuUsed = cpu.get().stop();
        Map<String, Object> threadsPerPost = new java.util.TreeMap<>();
        serviceThreads.forEach((service, threads) -> threadsPerPost.put(service,
                CpuShare.perRequest(threads.stop(), w4Result.get().ok())));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pending.values().stream().anyMatch(m -> !m.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        for (Map<UUID, Long> m : pending.values()) {
            missed[0] += m.values().stream().filter(v -> v >= measureFrom).count();
        }
        poller.shutdownNow();
        var h = freshness.getIntervalHistogram();
        Map<String, Object> w4 = new LinkedHashMap<>();
        w4.put("posts", w4Result.get());
        w4.put("cpuUsPerPost", CpuShare.perRequest(cpuUsed, w4Result.get().ok()));
        w4.put("serviceThreadsUsPerPost", threadsPerPost);
        w4.put("freshnessSamples", h.getTotalCount());
        w4.put("freshnessP50ms", h.getValueAtPercentile(50) / 1000.0);
        w4.put("freshnessP99ms", h.getValueAtPercentile(99) / 1000.0);
        w4.put("freshnessMaxMs", h.getMaxValue() / 1000.0);
        w4.put("notReflectedWithin20s", missed[0]);
        w4.put("pollIntervalMs", OUTCOME_POLL.toMillis());
        w4.put("clockedEveryNthForm", CLOCKED_FORMS);
        // the outcome endpoint's own health: a slow or failing poll explains missing freshness samples
        var pl = pollLatency.getIntervalHistogram();
        w4.put("outcomePollsOk", pollsOk.get());
        w4.put("outcomePollsFailed", pollsFailed.get());
        w4.put("outcomePollP99ms", pl.getValueAtPercentile(99) / 1000.0);
        if (firstPollError.get() != null) {
            w4.put("outcomePollFirstError", firstPollError.get());
        }
        Sys.log("W4: %d posts ok, freshness p50 %.0f ms p99 %.0f ms (%d samples, %d never seen)", w4Result.get().ok(),
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getTotalCount(), missed[0]);
        Sys.log("W5: city p95 %.1f ms, centre p95 %.1f ms", w5.city().p95us() / 1000.0, w5.centre().p95us() / 1000.0);
        Map<String, Object> w5Stage = new LinkedHashMap<>();
        w5Stage.put("city", w5.city());
        w5Stage.put("centre", w5.centre());
        return new Object[] { w4, w5Stage };
    }

    record Dashboards(OpenLoad.Result city, OpenLoad.Result centre) {
    }

    /**
     * W5's two dashboards, each read twice a second side by side: the city's on a thread of its own, the first
     * centre's on the caller's.
     */
    Dashboards dashboards(String token, Duration warm, Duration window) throws InterruptedException {
        OpenLoad load = new OpenLoad(8, 200);
        java.util.concurrent.atomic.AtomicReference<OpenLoad.Result> cityResult = new java.util.concurrent.atomic.AtomicReference<>();
        Thread cityDashboard = new Thread(() -> {
            try {
                cityResult.set(load.run(2, warm, window, dashboard("/api/v1/city/dashboard", token), 200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        cityDashboard.start();
        OpenLoad.Result centre = load.run(2, warm, window,
                dashboard("/api/v1/centres/" + city.centres.get(0) + "/dashboard", token), 200);
        cityDashboard.join();
        return new Dashboards(cityResult.get(), centre);
    }

    LongFunction<OpenLoad.Call> dashboard(String path, String token) {
        return i -> OpenLoad.Call.get(sys.url("reporting-service", path), token).within(DASHBOARD_TIMEOUT);
    }

    /**
     * W5's profile: both dashboards at W5's rates over the large city, after every workload has its figures (see
     * {@link #profileAtHalf}; started before the large city's loading, the JIT's recompiling slowed its catch-up).
     */
    @SuppressWarnings("unchecked")
    void profileDashboards() {
        Map<String, Object> w5 = (Map<String, Object>) workloads.get("W5");
        if (w5 == null || !(w5.get(String.valueOf(cityLarge)) instanceof Map<?, ?> large)) {
            return;
        }
        Map<String, Object> stage = (Map<String, Object>) large;
        try {
            String token = city.token("coordinator");
            long pid = sys.pid("reporting-service");
            Path jfr = Tools.startJfr(pid, work, "w5-reporting");
            Instant profileFrom = Instant.now().plus(JFR_SETTLE);
            dashboards(token, JFR_SETTLE, profileWindow);
            stage.put("profile", Tools.stopJfr(pid, jfr, profileFrom));
        } catch (Exception e) {
            stage.put("profile", Map.of("error", String.valueOf(e)));
        }
    }

    OpenLoad.Result runW4(Duration warm, LongFunction<City.Member> member, long warmForms,
            LongFunction<OpenLoad.Call> post, Map<UUID, Map<UUID, Long>> pending, Map<UUID, Boolean> polling,
            java.util.function.Consumer<UUID> poll, java.util.function.Consumer<UUID> warmPoll) throws Exception {
        return new OpenLoad(4000).run(w4Rate, warm, measure, post, 201, (i, response) -> {
            if (response.status() != 201 || i % CLOCKED_FORMS != 0) {
                return;
            }
            City.Member m = member.apply(i);
            if (i < warmForms) {
                warmPoll.accept(m.groupId());
                return;
            }
            pending.computeIfAbsent(m.groupId(), g -> new ConcurrentHashMap<>()).put(m.participantId(), System.nanoTime());
            if (polling.putIfAbsent(m.groupId(), Boolean.TRUE) == null) {
                poll.accept(m.groupId());
            }
        });
    }
}

package org.peercircle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Turns a run's raw results into bench/results/&lt;date&gt;.json, a markdown table, an SVG chart, and bench/RESULTS.md
 * (the latest table and what changed since the previous run).
 *
 * <pre>java -cp ... org.peercircle.bench.Report &lt;raw result.json&gt; &lt;bench dir&gt;</pre>
 */
public final class Report {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .findAndRegisterModules();

    /** One line of the table: a figure against its target. */
    record Check(String workload, String what, double measured, String unit, String baseline, String ratio, double target,
            boolean atMost, String note) {

        boolean pass() {
            return !Double.isNaN(measured) && (atMost ? measured <= target : measured >= target);
        }

        /** How far along the target: 1.0 is the target, above is better. */
        double score() {
            if (Double.isNaN(measured) || measured <= 0) {
                return atMost ? (Double.isNaN(measured) ? 0 : 2) : 0;
            }
            return atMost ? target / measured : measured / target;
        }
    }

    static void write(Map<String, Object> results, Path file) throws Exception {
        JSON.writeValue(file.toFile(), results);
    }

    public static void main(String[] args) throws Exception {
        Path raw = Path.of(args[0]);
        Path benchDir = Path.of(args[1]);
        JsonNode r = JSON.readTree(raw.toFile());
        Path resultsDir = benchDir.resolve("results");
        Files.createDirectories(resultsDir);
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm"));
        List<Check> checks = checks(r);
        ((com.fasterxml.jackson.databind.node.ObjectNode) r).set("checks", JSON.valueToTree(checks.stream().map(c -> Map.of(
                "workload", c.workload(), "what", c.what(), "measured", c.measured(), "unit", c.unit(),
                "target", c.target(), "atMost", c.atMost(), "pass", c.pass())).toList()));
        Path previous = latest(resultsDir);
        JSON.writeValue(resultsDir.resolve(stamp + ".json").toFile(), r);
        String table = table(r, checks);
        Files.writeString(resultsDir.resolve(stamp + ".md"), table);
        Files.writeString(resultsDir.resolve(stamp + ".svg"), svg(checks, r));
        String changes = previous == null ? "First recorded run." : changes(checks(JSON.readTree(previous.toFile())), checks,
                previous.getFileName().toString());
        Files.writeString(benchDir.resolve("RESULTS.md"), "# Benchmark results\n\nLatest run: `results/" + stamp
                + ".json` (chart: `results/" + stamp + ".svg`). How to run and read: see `bench/run.sh` and the README.\n\n"
                + "![chart](results/" + stamp + ".svg)\n\n" + table + "\n## Changes since the previous run\n\n" + changes + "\n");
        System.out.println(table);
        System.out.println("written: " + resultsDir.resolve(stamp + ".json") + ", .md, .svg and " + benchDir.resolve("RESULTS.md"));
    }

    static Path latest(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().reduce((a, b) -> b).orElse(null);
        }
    }

    static double d(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? Double.NaN : n.asDouble();
    }

    static String f(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Why a workload has no figure: its own error and the services' state that the run recorded. */
    static String why(JsonNode w) {
        List<String> parts = new ArrayList<>();
        if (w.path("error").isTextual()) {
            parts.add("failed: " + w.path("error").asText());
        }
        w.path("context").forEach(x -> parts.add(x.asText()));
        return clean(String.join("; ", parts));
    }

    /** A service's memory by part as the run recorded it (see JvmMemory), in its own words. */
    static String memoryOf(JsonNode memory) {
        try {
            return JSON.treeToValue(memory, JvmMemory.class).toString();
        } catch (Exception e) {
            return "memory by part not read: " + e.getMessage();
        }
    }

    /** "; label: a 120, b 80, all 200" from a CpuShare breakdown (groups that used under 5 µs left out). */
    static String cpu(String label, JsonNode perRequest) {
        if (!perRequest.isObject()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        perRequest.fieldNames().forEachRemaining(k -> {
            if (perRequest.path(k).asLong() >= 5) {
                parts.add(k + " " + perRequest.path(k).asLong());
            }
        });
        return "; " + label + ": " + String.join(", ", parts);
    }

    /** Of each service's CPU per request, its JIT compilers' and its collector's share: the warm-up's sign. */
    static String jit(JsonNode byService) {
        if (!byService.isObject()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        byService.fieldNames().forEachRemaining(service -> {
            JsonNode n = byService.path(service);
            if (n.path("all").asLong() >= 50) {
                parts.add(service + " " + n.path(JvmThreads.JIT).asLong() + " / " + n.path(JvmThreads.GC).asLong());
            }
        });
        return parts.isEmpty() ? "" : "; of which JIT compiler / GC threads: " + String.join(", ", parts);
    }

    /**
     * W3's CPU per event, the replay JVM's part of it by thread (its own work, the JIT compilers, the collector), and
     * PostgreSQL's own COPY of the same rows for scale.
     */
    static String w3Note(JsonNode w3) {
        JsonNode alone = w3.path("databaseAlone");
        String note = why(w3) + cpu("CPU µs per event", w3.path("cpuUsPerEvent"))
                + cpu("the replay's JVM by thread", w3.path("replayJvmUsPerEvent"));
        if (alone.has("rowsPerSec")) {
            note += "; PostgreSQL alone, one binary COPY of the same rows into an empty copy of the table: "
                    + f(d(alone.path("rowsPerSec"))) + " rows/s" + cpu("CPU µs per row", alone.path("cpuUsPerRow"));
        } else if (alone.has("error")) {
            note += "; PostgreSQL alone: no figure (" + clean(alone.path("error").asText()) + ")";
        }
        return note.startsWith("; ") ? note.substring(2) : note;
    }

    static String clean(String s) {
        return s.replace("|", "/").replaceAll("\\s+", " ");
    }

    static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    static List<Check> checks(JsonNode r) {
        List<Check> c = new ArrayList<>();
        JsonNode w = r.path("workloads");
        for (String[] x : new String[][] { { "W1", "0.5", "20" }, { "W2", "0.4", "30" } }) {
            JsonNode n = w.path(x[0]);
            if (n.isMissingNode()) {
                continue;
            }
            double max = d(n.path("maxRate"));
            double tps = d(n.path("baseline").path("tps"));
            String note = why(n);
            if (max == 0) {
                JsonNode first = n.path("steps").path(0);
                note = join(note, "no step held; first step " + f(d(first.path("offeredRate"))) + "/s achieved "
                        + f(d(first.path("achievedRate"))) + "/s, p99 " + f(d(first.path("p99us")) / 1000) + " ms"
                        + (first.path("firstError").isTextual() ? ", first error: " + clean(first.path("firstError").asText()) : ""));
            }
            c.add(new Check(x[0], "max rate vs pgbench", max > 0 ? max / tps : Double.NaN, "×",
                    f(tps) + " tps (pgbench)", f(max) + " req/s", Double.parseDouble(x[1]), false, note));
            JsonNode half = n.path("atHalfMax");
            c.add(new Check(x[0], "p99 at 50% of max (" + f(d(half.path("offeredRate"))) + "/s)",
                    half.path("ok").asLong() == 0 ? Double.NaN : d(half.path("p99us")) / 1000, "ms", "", "",
                    Double.parseDouble(x[2]), true, half.isMissingNode() ? "" : "p50 " + f(d(half.path("p50us")) / 1000)
                            + " ms, " + half.path("ok").asText() + " ok, "
                            + (half.path("errors").asLong() + half.path("dropped").asLong()) + " errors/dropped"
                            + (half.path("firstError").isTextual() ? ", first: " + clean(half.path("firstError").asText()) : "")
                            + cpu("CPU µs per request there", n.path("cpuUsPerRequestAtHalfMax"))
                            + jit(n.path("serviceThreadsUsPerRequestAtHalfMax"))
                            + cpu("pgbench's per transaction", n.path("baseline").path("cpuUsPerTransaction"))));
        }
        JsonNode w3 = w.path("W3");
        if (!w3.isMissingNode()) {
            c.add(new Check("W3", "replay ingest vs raw consumer", d(w3.path("ratio")), "×",
                    f(d(w3.path("baseline").path("msgPerSec"))) + " msg/s (ConsumerPerformance)",
                    f(d(w3.path("ingestRate"))) + " events/s", 0.2, false, w3Note(w3)));
        }
        JsonNode w4 = w.path("W4");
        if (w4.has("error")) {
            c.add(new Check("W4", "freshness p99", Double.NaN, "ms", "", "", 1000, true, why(w4)));
        }
        // no samples is no figure: it can never pass
        w4.fieldNames().forEachRemaining(stage -> {
            JsonNode n = w4.path(stage);
            if (!n.isObject()) {
                return;
            }
            long samples = n.path("freshnessSamples").asLong();
            JsonNode posts = n.path("posts");
            String note = samples + " samples" + (n.has("clockedEveryNthForm") ? " (every " + n.path("clockedEveryNthForm").asText()
                    + "th form clocked)" : "") + ", " + n.path("notReflectedWithin20s").asText() + " never reflected within 20 s";
            if (n.has("outcomePollsOk")) {
                note += "; outcome polls " + n.path("outcomePollsOk").asText() + " ok (p99 " + f(d(n.path("outcomePollP99ms")))
                        + " ms), " + n.path("outcomePollsFailed").asText() + " failed"
                        + (n.path("outcomePollFirstError").isTextual() ? " (first: " + clean(n.path("outcomePollFirstError").asText()) + ")" : "");
            }
            note += cpu("CPU µs per POST, W5's dashboards included", n.path("cpuUsPerPost"));
            note += jit(n.path("serviceThreadsUsPerPost"));
            if (posts.path("errors").asLong() + posts.path("dropped").asLong() > 0) {
                note += ", " + (posts.path("errors").asLong() + posts.path("dropped").asLong()) + " POSTs failed"
                        + (posts.path("firstError").isTextual() ? " (first: " + clean(posts.path("firstError").asText()) + ")" : "");
            }
            c.add(new Check("W4", "freshness p99 at " + stage + " participants", samples == 0 ? Double.NaN
                    : d(n.path("freshnessP99ms")), "ms", f(d(posts.path("ok"))) + " POSTs ok", "", 1000, true,
                    join(note, why(n))));
        });
        JsonNode w5 = w.path("W5");
        List<String> stages = new ArrayList<>();
        w5.fieldNames().forEachRemaining(k -> {
            if (w5.path(k).isObject()) {
                stages.add(k);
            }
        });
        if (!stages.isEmpty()) {
            String small = stages.get(0);
            String large = stages.get(stages.size() - 1);
            for (String kind : List.of("city", "centre")) {
                JsonNode l = w5.path(large).path(kind);
                JsonNode sm = w5.path(small).path(kind);
                double p95 = l.path("ok").asLong() == 0 ? Double.NaN : d(l.path("p95us")) / 1000;
                double p95small = sm.path("ok").asLong() == 0 ? Double.NaN : d(sm.path("p95us")) / 1000;
                String note = l.path("ok").asText() + " ok, " + (l.path("errors").asLong() + l.path("dropped").asLong())
                        + " errors/timeouts (10 s)"
                        + (l.path("firstError").isTextual() ? ": " + clean(l.path("firstError").asText()) : "");
                c.add(new Check("W5", kind + " dashboard p95 at " + large, p95, "ms", "", "", 50, true,
                        join(note, why(w5.path(large)))));
                String smallNote = Double.isNaN(p95small) ? "no figure at " + small + ": " + sm.path("ok").asText()
                        + " ok" + (sm.path("firstError").isTextual() ? ", first error: " + clean(sm.path("firstError").asText()) : "")
                        + (why(w5.path(small)).isEmpty() ? "" : "; " + why(w5.path(small))) : "";
                c.add(new Check("W5", kind + " dashboard p95 " + large + " vs " + small, p95 / p95small, "×",
                        f(p95small) + " ms at " + small, "", 1.5, true, smallNote));
            }
        } else if (w5.isMissingNode() && w4.has("error")) {
            c.add(new Check("W5", "dashboards p95", Double.NaN, "ms", "", "", 50, true, why(w4)));
        }
        JsonNode rss = r.path("rssAfterW1W2Mb");
        JsonNode memory = r.path("memoryAfterW1W2");
        rss.fieldNames().forEachRemaining(s -> c.add(new Check("W6", s + " RSS after W1–W2 (local run flags)",
                d(rss.path(s)) < 0 ? Double.NaN : d(rss.path(s)), "MB", "", "", 250, true,
                d(rss.path(s)) < 0 ? "process gone before the reading" : memory.has(s) ? memoryOf(memory.path(s)) : "")));
        JsonNode w6 = w.path("W6");
        if (w6.has("error")) {
            c.add(new Check("W6", "start-up", Double.NaN, "ms", "", "", 1500, true, why(w6)));
        }
        w6.fieldNames().forEachRemaining(s -> w6.path(s).fieldNames().forEachRemaining(v -> {
            JsonNode n = w6.path(s).path(v);
            if (n.has("readyMs")) {
                c.add(new Check("W6", s + " ready, " + v, d(n.path("readyMs")), "ms", "", "RSS " + f(d(n.path("rssAfter10sLoadMb")))
                        + " MB after load", 1500, true, n.has("died") ? n.path("died").asText()
                                : n.has("memoryAfterLoad") ? "after load, " + memoryOf(n.path("memoryAfterLoad")) : ""));
            } else if (n.has("error")) {
                c.add(new Check("W6", s + " ready, " + v, Double.NaN, "ms", "", "", 1500, true, clean(n.path("error").asText())));
            }
        }));
        return c;
    }

    /** The host probe's times (see HostProbe): lower is a faster host. */
    static String hostProbe(JsonNode r) {
        if (!r.has("hostProbeMsAtStart")) {
            return "";
        }
        return ". Host probe (a fixed single-threaded Java task, best of 5; lower is faster): "
                + f(d(r.path("hostProbeMsAtStart"))) + " ms at the start"
                + (r.has("hostProbeMsAtEnd") ? ", " + f(d(r.path("hostProbeMsAtEnd"))) + " ms at the end" : "");
    }

    static String table(JsonNode r, List<Check> checks) {
        StringBuilder b = new StringBuilder();
        JsonNode m = r.path("machine");
        b.append("Run ").append(r.path("startedAt").asText()).append(" on ").append(m.path("cores").asText())
                .append(" cores, ").append(m.path("memoryMb").asText()).append(" MB (").append(m.path("cpu").asText())
                .append("), Java ").append(m.path("java").asText()).append(hostProbe(r)).append(". Settings: ")
                .append(r.path("settings"))
                .append("\n\n| workload | figure | measured | absolute | baseline (same run) | target | result |\n")
                .append("|---|---|---|---|---|---|---|\n")
                .append("| — | machine | ").append(m.path("cores").asText()).append(" cores, ")
                .append(m.path("memoryMb").asText()).append(" MB | ").append(m.path("cpu").asText()).append(" | | | |\n");
        for (Check c : checks) {
            b.append("| ").append(c.workload()).append(" | ").append(c.what()).append(" | ").append(f(c.measured()))
                    .append(' ').append(c.unit()).append(" | ").append(c.ratio()).append(" | ").append(c.baseline())
                    .append(" | ").append(c.atMost() ? "≤ " : "≥ ").append(f(c.target())).append(' ').append(c.unit())
                    .append(" | ").append(c.pass() ? "pass" : Double.isNaN(c.measured()) ? "**MISS (no figure)**" : "**MISS**").append(c.note().isEmpty() ? "" : " (" + c.note() + ")")
                    .append(" |\n");
        }
        JsonNode w6 = r.path("workloads").path("W6");
        if (!w6.isMissingNode()) {
            b.append("\n### W6 start-up and memory per JVM variant\n\nEach service restarted alone; ready = spawn to "
                    + "`/q/health/ready` UP; RSS = VmRSS when ready and after " + Startup.MEASURE_LOAD.toSeconds() + " s of its own workload.\n\n"
                    + "| service | variant | ready ms | Quarkus \"started in\" s | RSS ready MB | RSS after load MB | load ok / errors | flags |\n"
                    + "|---|---|---|---|---|---|---|---|\n");
            w6.fieldNames().forEachRemaining(s -> w6.path(s).fieldNames().forEachRemaining(v -> {
                JsonNode n = w6.path(s).path(v);
                b.append("| ").append(s).append(" | ").append(v).append(" | ").append(f(d(n.path("readyMs"))))
                        .append(" | ").append(f(d(n.path("quarkusStartedInS")))).append(" | ")
                        .append(f(d(n.path("rssAtReadyMb")))).append(" | ").append(f(d(n.path("rssAfter10sLoadMb"))))
                        .append(" | ").append(n.has("loadOk") ? n.path("loadOk").asText() + " / " + n.path("loadErrors").asText() : "")
                        .append(" | ").append(n.has("error") ? "failed: " + clean(n.path("error").asText())
                                : n.has("skipped") ? n.path("skipped").asText() : "`" + n.path("flags").asText() + "`")
                        .append(" |\n");
            }));
        }
        if (!w6.isMissingNode()) {
            java.util.Set<String> seen = new java.util.LinkedHashSet<>();
            b.append("\nVariants:");
            w6.fieldNames().forEachRemaining(s -> w6.path(s).fieldNames().forEachRemaining(v -> {
                if (w6.path(s).path(v).has("description") && seen.add(v)) {
                    b.append("\n- `").append(v).append("`: ").append(w6.path(s).path(v).path("description").asText());
                }
            }));
            b.append('\n');
        }
        if (r.has("generatorError")) {
            b.append("\nThe city generator failed (").append(clean(r.path("generatorError").asText()))
                    .append("); the bench's own REST registrations stood in.\n");
        }
        if (r.has("phaseSeconds")) {
            b.append("\nSeconds per phase: ").append(r.path("phaseSeconds")).append(" (REST load ")
                    .append(f(d(r.path("restLoadSeconds")))).append(" s).\n");
            if (r.has("phaseHostCpuStolenPercent")) {
                b.append("Per phase, % of the machine's CPU stolen by the hypervisor for other guests (a shared host's noise): ")
                        .append(r.path("phaseHostCpuStolenPercent")).append(".\n");
            }
        }
        b.append("\n### Profiles (JFR execution samples: W3's in its window; the others in windows of their own after all figures)\n");
        r.path("workloads").fieldNames().forEachRemaining(name -> {
            JsonNode w = r.path("workloads").path(name);
            if (w.has("profile")) {
                b.append("\n**").append(name).append("** (").append(w.path("profile").path("executionSamples").asText())
                        .append(" samples) hottest frames: ");
                w.path("profile").path("topFrames").forEach(x -> b.append("\n- ").append(x.asText()));
                b.append("\n\nhottest PeerCircle frames:");
                w.path("profile").path("topPeerCircleFrames").forEach(x -> b.append("\n- ").append(x.asText()));
                b.append('\n');
            }
            w.fieldNames().forEachRemaining(stage -> {
                if (w.path(stage).has("profile")) {
                    JsonNode p = w.path(stage).path("profile");
                    b.append("\n**").append(name).append(" at ").append(stage).append("** (")
                            .append(p.path("executionSamples").asText()).append(" samples) hottest frames: ");
                    p.path("topFrames").forEach(x -> b.append("\n- ").append(x.asText()));
                    b.append("\n\nhottest PeerCircle frames:");
                    p.path("topPeerCircleFrames").forEach(x -> b.append("\n- ").append(x.asText()));
                    b.append('\n');
                }
            });
        });
        return b.toString();
    }

    static String changes(List<Check> before, List<Check> now, String previousName) {
        StringBuilder b = new StringBuilder("Compared with `" + previousName + "`:\n\n| figure | before | now |\n|---|---|---|\n");
        for (Check c : now) {
            before.stream().filter(x -> x.workload().equals(c.workload()) && x.what().equals(c.what())).findFirst()
                    .ifPresent(x -> b.append("| ").append(c.workload()).append(' ').append(c.what()).append(" | ")
                            .append(f(x.measured())).append(' ').append(x.pass() ? "pass" : "miss").append(" | ")
                            .append(f(c.measured())).append(' ').append(c.pass() ? "pass" : "miss").append(" |\n"));
        }
        return b.toString();
    }

    static String svg(List<Check> checks, JsonNode r) {
        int rowH = 22;
        int left = 420;
        int width = 900;
        int height = 60 + rowH * checks.size();
        double scale = (width - left - 40) / 2.0; // 2× the target fills the row
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns='http://www.w3.org/2000/svg' width='").append(width).append("' height='").append(height)
                .append("' font-family='sans-serif' font-size='12'>\n<rect width='100%' height='100%' fill='white'/>\n")
                .append("<text x='10' y='20' font-size='14'>PeerCircle benchmark ").append(escape(r.path("startedAt").asText()))
                .append(" — measured relative to target (line = target; longer is better)</text>\n");
        int x1 = left + (int) scale;
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            int y = 40 + i * rowH;
            double v = Math.min(2, c.score());
            s.append("<text x='10' y='").append(y + 14).append("'>").append(escape(c.workload() + " " + c.what()))
                    .append("</text>\n<rect x='").append(left).append("' y='").append(y + 3).append("' width='")
                    .append((int) (v * scale)).append("' height='").append(rowH - 6).append("' fill='")
                    .append(c.pass() ? "#3a9d5d" : "#d0453a").append("'/>\n<text x='").append(left + (int) (v * scale) + 4)
                    .append("' y='").append(y + 14).append("'>").append(escape(f(c.measured()) + " " + c.unit()))
                    .append("</text>\n");
        }
        s.append("<line x1='").append(x1).append("' y1='32' x2='").append(x1).append("' y2='").append(height - 10)
                .append("' stroke='black' stroke-dasharray='4 3'/>\n</svg>\n");
        return s.toString();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}

package org.peercircle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's resident memory goes, as the JVM itself reports it ({@code jcmd GC.heap_info} and
 * {@code Compiler.codecache}, which need no Native Memory Tracking) beside its RSS and thread count from /proc. W6's
 * RSS target is met or missed by these parts: the heap grows with the load, but class metadata and compiled code grow
 * with the classes a service loads, which only a lighter stack changes. Figures in MB, -1 where a reading failed.
 */
record JvmMemory(long rssMb, long heapCommittedMb, long heapUsedMb, long classMetadataMb, long classSpaceMb,
        long codeMb, int threads) {

    /** {@code def new generation   total 29504K, used 2099K [...} (or any collector's heap or generation line) */
    private static final Pattern GENERATION = Pattern.compile("(?m)^ ?\\S.*? total (\\d+)K, used (\\d+)K");
    /** The serial and parallel young generations' totals leave out the survivor space that is empty. */
    private static final Pattern TO_SPACE = Pattern.compile("(?m)^\\s+to\\s+space (\\d+)K");
    /** {@code Metaspace       used 98216K, committed 113216K, reserved ...}: class space included */
    private static final Pattern METASPACE = Pattern.compile("(?m)^\\s*Metaspace\\s+used (\\d+)K, committed (\\d+)K");
    private static final Pattern CLASS_SPACE = Pattern.compile("(?m)^\\s*class space\\s+used (\\d+)K, committed (\\d+)K");
    /** {@code CodeCache: size=65536Kb used=1100Kb max_used=...}, or one line per segment (CodeHeap '...') */
    private static final Pattern CODE_USED = Pattern.compile("(?<!max_)used=(\\d+)Kb");

    static JvmMemory of(long pid, Path dir, String name) {
        long rssKb = Sys.rssKb(pid);
        int threads = -1;
        String heap = "";
        String code = "";
        try {
            threads = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("Threads:"))
                    .mapToInt(l -> Integer.parseInt(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
            heap = Tools.run(dir.resolve(name + "-heap-info.log"), List.of(Tools.jdkTool("jcmd"), String.valueOf(pid), "GC.heap_info"), 30);
            code = Tools.run(dir.resolve(name + "-codecache.log"), List.of(Tools.jdkTool("jcmd"), String.valueOf(pid), "Compiler.codecache"), 30);
        } catch (Exception e) {
            Sys.log("memory of %s not read: %s", name, e);
        }
        return parse(rssKb, threads, heap, code);
    }

    static JvmMemory parse(long rssKb, int threads, String heapInfo, String codeCache) {
        long committed = -1;
        long used = -1;
        Matcher g = GENERATION.matcher(heapInfo);
        while (g.find()) {
            committed = Math.max(committed, 0) + Long.parseLong(g.group(1));
            used = Math.max(used, 0) + Long.parseLong(g.group(2));
        }
        Matcher to = TO_SPACE.matcher(heapInfo);
        while (committed >= 0 && to.find()) {
            committed += Long.parseLong(to.group(1));
        }
        Matcher meta = METASPACE.matcher(heapInfo);
        Matcher cls = CLASS_SPACE.matcher(heapInfo);
        long code = -1;
        Matcher c = CODE_USED.matcher(codeCache);
        while (c.find()) {
            code = Math.max(code, 0) + Long.parseLong(c.group(1));
        }
        return new JvmMemory(mb(rssKb), mb(committed), mb(used), meta.find() ? mb(Long.parseLong(meta.group(2))) : -1,
                cls.find() ? mb(Long.parseLong(cls.group(2))) : -1, mb(code), threads);
    }

    private static long mb(long kb) {
        return kb < 0 ? -1 : Math.round(kb / 1024.0);
    }

    /** What is left of the RSS: symbols, the JDK's class-data archive, stacks, GC and compiler memory, malloc. */
    long restMb() {
        return rssMb < 0 || heapCommittedMb < 0 || classMetadataMb < 0 || codeMb < 0 ? -1
                : rssMb - heapCommittedMb - classMetadataMb - codeMb;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RSS %d MB: heap %d committed (%d in use), class metadata %d (class space %d "
                + "of it), compiled code %d, %d threads, the rest %d (symbols, the JDK's class-data archive, stacks, "
                + "GC and compiler memory, malloc)", rssMb, heapCommittedMb, heapUsedMb, classMetadataMb, classSpaceMb,
                codeMb, threads, restMb());
    }
}

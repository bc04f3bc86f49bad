package org.peercircle.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a service's resident memory goes, as the JVM itself reports it ({@code jcmd GC.heap_info}, {@code VM.metaspace}
 * and {@code Compiler.codecache}, which need no Native Memory Tracking) beside its RSS, the heap's resident part
 * (/proc/&lt;pid&gt;/smaps over the heap's address range: a heap committed in full at start, as JDK 25 does without -Xms,
 * is not all touched) and its thread count. W6's RSS target is met or missed by these parts: the heap grows with the
 * load, but class metadata and compiled code grow with the classes a service loads, which only a lighter stack
 * changes. Figures in MB, -1 where a reading failed.
 */
record JvmMemory(long rssMb, long heapResidentMb, long heapCommittedMb, long heapUsedMb, long classMetadataMb,
        long classSpaceMb, long codeMb, int threads) {

    /**
     * {@code def new generation   total 29504K, used 2099K [start, committed end, reserved end)} (or any collector's
     * heap or generation line; G1 gives {@code [start, end)})
     */
    private static final Pattern GENERATION = Pattern.compile(
            "(?m)^ ?\\S.*? total (\\d+)K, used (\\d+)K(?: \\[0x([0-9a-f]+),(?: 0x[0-9a-f]+,)* 0x([0-9a-f]+)\\))?");
    /** The serial and parallel young generations' totals leave out the survivor space that is empty. */
    private static final Pattern TO_SPACE = Pattern.compile("(?m)^\\s+to\\s+space (\\d+)K");
    private static final Pattern MAPPING = Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) ");
    /**
     * {@code Metaspace       used 98216K, committed 113216K, reserved ...}, class space included: GC.heap_info's last
     * lines on JDK 17, VM.metaspace's first on JDK 25
     */
    private static final Pattern METASPACE = Pattern.compile("(?m)^\\s*Metaspace\\s+used (\\d+)K, committed (\\d+)K");
    private static final Pattern CLASS_SPACE = Pattern.compile("(?m)^\\s*class space\\s+used (\\d+)K, committed (\\d+)K");
    /** {@code CodeCache: size=65536Kb used=1100Kb max_used=...}, or one line per segment (CodeHeap '...') */
    private static final Pattern CODE_USED = Pattern.compile("(?<!max_)used=(\\d+)Kb");

    /** @param rssKb the RSS as the caller read it just before, so that its figure and this account agree */
    static JvmMemory of(long pid, long rssKb, Path dir, String name) {
        int threads = (int) Sys.status(pid, "Threads:");
        String heap = "";
        String metaspace = "";
        String code = "";
        String smaps = "";
        try {
            smaps = Files.readString(Path.of("/proc/" + pid + "/smaps"));
            heap = jcmd(pid, dir, name, "GC.heap_info");
            metaspace = jcmd(pid, dir, name, "VM.metaspace");
            code = jcmd(pid, dir, name, "Compiler.codecache");
        } catch (Exception e) {
            Sys.log("memory of %s not read: %s", name, e);
        }
        return parse(rssKb, threads, heap + "\n" + metaspace, code, smaps);
    }

    private static String jcmd(long pid, Path dir, String name, String command) throws Exception {
        return Tools.run(dir.resolve(name + "-" + command + ".log"), List.of(Tools.jdkTool("jcmd"), String.valueOf(pid), command), 30);
    }

    /** @param heapInfo GC.heap_info's answer followed by VM.metaspace's */
    static JvmMemory parse(long rssKb, int threads, String heapInfo, String codeCache, String smaps) {
        long committed = -1;
        long used = -1;
        long low = Long.MAX_VALUE;
        long high = -1;
        Matcher g = GENERATION.matcher(heapInfo);
        while (g.find()) {
            committed = Math.max(committed, 0) + Long.parseLong(g.group(1));
            used = Math.max(used, 0) + Long.parseLong(g.group(2));
            if (g.group(3) != null) {
                low = Math.min(low, Long.parseUnsignedLong(g.group(3), 16));
                high = Math.max(high, Long.parseUnsignedLong(g.group(4), 16));
            }
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
        return new JvmMemory(mb(rssKb), high < 0 ? -1 : mb(residentKb(smaps, low, high)), mb(committed), mb(used),
                meta.find() ? mb(Long.parseLong(meta.group(2))) : -1, cls.find() ? mb(Long.parseLong(cls.group(2))) : -1,
                mb(code), threads);
    }

    /** The Rss of the mappings that lie within [low, high), from /proc/&lt;pid&gt;/smaps; -1 if none does. */
    static long residentKb(String smaps, long low, long high) {
        long kb = -1;
        boolean inside = false;
        for (String line : smaps.split("\n")) {
            Matcher m = MAPPING.matcher(line);
            if (m.find()) {
                inside = Long.parseUnsignedLong(m.group(1), 16) >= low && Long.parseUnsignedLong(m.group(2), 16) <= high;
            } else if (inside && line.startsWith("Rss:")) {
                kb = Math.max(kb, 0) + Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return kb;
    }

    private static long mb(long kb) {
        return kb < 0 ? -1 : Math.round(kb / 1024.0);
    }

    /** What is left of the RSS: symbols, the JDK's class-data archive, stacks, GC and compiler memory, malloc. */
    long restMb() {
        return rssMb < 0 || heapResidentMb < 0 || classMetadataMb < 0 || codeMb < 0 ? -1
                : rssMb - heapResidentMb - classMetadataMb - codeMb;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RSS %d MB: heap %d resident (%d committed, %d in use), class metadata %d "
                + "(class space %d of it), compiled code %d, %d threads, the rest %d (symbols, the JDK's class-data "
                + "archive, stacks, GC and compiler memory, malloc)", rssMb, heapResidentMb, heapCommittedMb, heapUsedMb,
                classMetadataMb, classSpaceMb, codeMb, threads, restMb());
    }
}

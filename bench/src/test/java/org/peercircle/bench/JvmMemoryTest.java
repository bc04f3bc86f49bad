package org.peercircle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A service's memory by part, from jcmd's answers and /proc/<pid>/smaps as JDK 17 and 25 write them (Serial collector). */
class JvmMemoryTest {

    /** JDK 17: GC.heap_info ends with the metaspace lines */
    static final String HEAP_INFO_17 = """
            9402:
             def new generation   total 29504K, used 20000K [0x0000000687400000, 0x0000000689400000, 0x0000000689400000)
              eden space 26240K,  70% used [0x0000000687400000, 0x000000068760cd80, 0x0000000688da0000)
              from space 3264K,  50% used [0x0000000688da0000, 0x0000000688da0000, 0x00000006890d0000)
              to   space 3264K,   0% used [0x00000006890d0000, 0x00000006890d0000, 0x0000000689400000)
             tenured generation   total 52000K, used 30000K [0x0000000689400000, 0x000000068c4c8000, 0x0000000800000000)
               the space 52000K,  57% used [0x0000000689400000, 0x0000000689400000, 0x0000000689400200, 0x000000068c4c8000)
             Metaspace       used 112335K, committed 113216K, reserved 1179648K
              class space    used 14119K, committed 14528K, reserved 1048576K
            """;

    /** The heap's committed part, partly touched, its reserved rest, and a mapping outside the heap. */
    static final String SMAPS = """
            687400000-68c4c8000 rw-p 00000000 00:00 0
            Size:              82720 kB
            Rss:               60000 kB
            68c4c8000-800000000 ---p 00000000 00:00 0
            Size:            6146272 kB
            Rss:                   0 kB
            7f8240200000-7f8243200000 rwxp 00000000 00:00 0
            Size:              49152 kB
            Rss:               46000 kB
            """;

    static final String CODE_CACHE = """
            9402:
            CodeCache: size=65536Kb used=46100Kb max_used=47000Kb free=19436Kb
             bounds [0x00007fc544400000, 0x00007fc544670000, 0x00007fc548400000]
             total_blobs=15334 nmethods=12055 adapters=1195
            """;

    @Test
    void theHeapCountsWhatIsResidentOfItsRangeAndTheRestIsWhatTheJvmPartsLeave() {
        JvmMemory m = JvmMemory.parse(351_000, 43, HEAP_INFO_17 + "\n", CODE_CACHE, SMAPS);

        // resident 60,000 KB; committed 29,504 + 52,000 + the empty survivor's 3,264 KB; in use 50,000 KB
        assertThat(m).isEqualTo(new JvmMemory(343, 59, 83, 49, 111, 14, 45, 43));
        assertThat(m.restMb()).isEqualTo(343 - 59 - 111 - 45);
        assertThat(m.toString()).startsWith("RSS 343 MB: heap 59 resident (83 committed, 49 in use), class metadata 111 "
                + "(class space 14 of it), compiled code 45, 43 threads, the rest 128 (");
    }

    @Test
    void onJdk25TheMetaspaceComesFromVmMetaspaceAndAHeapCommittedInFullCountsOnlyWhatWasTouched() {
        String heapInfo25 = """
                32746:
                DefNew     total 49152K, used 13615K [0x00000000f6000000, 0x00000000f9550000, 0x00000000f9550000)
                 eden space 43712K,  31% used [0x00000000f6000000, 0x00000000f6d4be58, 0x00000000f8ab0000)
                 from space 5440K,   0% used [0x00000000f9000000, 0x00000000f9000000, 0x00000000f9550000)
                 to   space 5440K,   0% used [0x00000000f8ab0000, 0x00000000f8ab0000, 0x00000000f9000000)
                Tenured    total 109248K, used 25814K [0x00000000f9550000, 0x0000000100000000, 0x0000000100000000)
                 the  space 109248K,  23% used [0x00000000f9550000, 0x00000000fae85a58, 0x0000000100000000)
                """;
        String metaspace25 = """
                32746:
                Metaspace        used 60012K, committed 61440K, reserved 1114112K
                 class space     used 7000K, committed 7168K, reserved 1048576K

                Total Usage - 1400 loaders, 17302 classes (17000 shared):
                """;
        String smaps = """
                f6000000-100000000 rw-p 00000000 00:00 0
                Size:             163840 kB
                Rss:               71680 kB
                """;

        JvmMemory m = JvmMemory.parse(245_760, 41, heapInfo25 + "\n" + metaspace25, "CodeCache: size=49152Kb used=7951Kb max_used=7951Kb", smaps);

        assertThat(m).isEqualTo(new JvmMemory(240, 70, 160, 39, 60, 7, 8, 41));
        assertThat(m.restMb()).isEqualTo(240 - 70 - 60 - 8);
    }

    @Test
    void theResultsFileKeepsThePartsAndTheReportTellsThemAsTheRunDid() throws Exception {
        JvmMemory m = new JvmMemory(343, 59, 83, 49, 111, 14, 45, 43);

        assertThat(Report.memoryOf(Report.JSON.valueToTree(m))).isEqualTo(m.toString());
        assertThat(Report.memoryOf(Report.JSON.readTree("{\"rssMb\": \"a lot\"}"))).startsWith("memory by part not read");
    }

    @Test
    void aSegmentedCodeCacheIsSummedAndAFailedReadingLeavesNoRest() {
        String segmented = """
                CodeHeap 'non-profiled nmethods': size=128228Kb used=10240Kb max_used=12000Kb free=118000Kb
                CodeHeap 'profiled nmethods': size=128224Kb used=20480Kb max_used=22000Kb free=108000Kb
                CodeHeap 'non-nmethods': size=5692Kb used=1024Kb max_used=1100Kb free=4671Kb
                """;

        assertThat(JvmMemory.parse(300_000, 30, HEAP_INFO_17, segmented, SMAPS).codeMb()).isEqualTo(31);
        JvmMemory failed = JvmMemory.parse(300_000, 30, "", "", "");
        assertThat(failed.heapResidentMb()).isEqualTo(-1);
        assertThat(failed.heapCommittedMb()).isEqualTo(-1);
        assertThat(failed.restMb()).isEqualTo(-1);
    }
}

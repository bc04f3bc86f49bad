package org.peercircle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A service's memory by part, from jcmd's answers as JDK 17 writes them (Serial collector). */
class JvmMemoryTest {

    static final String HEAP_INFO = """
            9402:
             def new generation   total 29504K, used 20000K [0x0000000687400000, 0x0000000689400000, 0x0000000689400000)
              eden space 26240K,  70% used [0x0000000687400000, 0x000000068760cd80, 0x0000000688da0000)
              from space 3264K,  50% used [0x0000000688da0000, 0x0000000688da0000, 0x00000006890d0000)
              to   space 3264K,   0% used [0x00000006890d0000, 0x00000006890d0000, 0x0000000689400000)
             tenured generation   total 52000K, used 30000K [0x0000000689400000, 0x000000068b400000, 0x0000000800000000)
               the space 52000K,  57% used [0x0000000689400000, 0x0000000689400000, 0x0000000689400200, 0x000000068b400000)
             Metaspace       used 112335K, committed 113216K, reserved 1179648K
              class space    used 14119K, committed 14528K, reserved 1048576K
            """;

    @Test
    void theHeapCountsBothSurvivorSpacesAndTheRestIsWhatTheJvmPartsLeave() {
        String codeCache = """
                9402:
                CodeCache: size=65536Kb used=46100Kb max_used=47000Kb free=19436Kb
                 bounds [0x00007fc544400000, 0x00007fc544670000, 0x00007fc548400000]
                 total_blobs=15334 nmethods=12055 adapters=1195
                """;

        JvmMemory m = JvmMemory.parse(351_000, 43, HEAP_INFO, codeCache);

        assertThat(m).isEqualTo(new JvmMemory(343, 83, 49, 111, 14, 45, 43));
        assertThat(m.restMb()).isEqualTo(343 - 83 - 111 - 45);
        assertThat(m.toString()).startsWith("RSS 343 MB: heap 83 committed (49 in use), class metadata 111 (class space 14 of it), compiled code 45, 43 threads, the rest 104 (");
    }

    @Test
    void theResultsFileKeepsThePartsAndTheReportTellsThemAsTheRunDid() throws Exception {
        JvmMemory m = new JvmMemory(343, 83, 49, 111, 14, 45, 43);

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

        assertThat(JvmMemory.parse(300_000, 30, HEAP_INFO, segmented).codeMb()).isEqualTo(31);
        JvmMemory failed = JvmMemory.parse(300_000, 30, "", "");
        assertThat(failed.heapCommittedMb()).isEqualTo(-1);
        assertThat(failed.restMb()).isEqualTo(-1);
    }
}

package org.peercircle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A service's GC pauses in a window, from lines as JDK 17's Serial collector logs them with -Xlog:gc:...:time,uptime. */
class GcPausesTest {

    @TempDir
    Path logs;

    @Test
    void thePausesThatBeganInTheWindowAreSummedWithTheLongestAndTheFullOnesApart() throws IOException {
        Path log = logs.resolve("reporting-service-gc.log");
        // the rotated predecessor holds the window's start
        Files.writeString(log.resolveSibling("reporting-service-gc.log.0"), """
                [2026-12-07T18:09:17.540+0000][0.003s] Using Serial
                [2026-12-07T18:09:18.137+0000][0.601s] GC(0) Pause Young (Allocation Failure) 6M->2M(63M) 9.348ms
                [2026-12-07T18:10:00.100+0000][42.600s] GC(1) Pause Young (Allocation Failure) 30M->5M(63M) 12.500ms
                """);
        Files.writeString(log, """
                [2026-12-07T18:10:01.000+0000][43.500s] GC(2) Pause Full (Allocation Failure) 61M->22M(63M) 2380.250ms
                [2026-12-07T18:10:02.000+0000][44.500s] GC(3) Pause Young (Allocation Failure) 30M->6M(63M) 7.250ms
                [2026-12-07T18:11:00.000+0000][102.500s] GC(4) Pause Young (Allocation Failure) 30M->6M(63M) 99.000ms
                """);

        GcPauses pauses = GcPauses.in(log, Instant.parse("2026-12-07T18:10:00Z"), Instant.parse("2026-12-07T18:11:00Z"));

        assertThat(pauses).isEqualTo(new GcPauses(2, 1, 2400.0, 2380.25));
        assertThat(pauses.toString()).isEqualTo("3 pauses (1 full), 2,400 ms in all, longest 2,380 ms");
    }

    @Test
    void aServiceWithoutAGcLogHadNoPausesToReport() {
        assertThat(GcPauses.in(logs.resolve("absent-gc.log"), Instant.EPOCH, Instant.now())).isEqualTo(GcPauses.NONE);
    }
}

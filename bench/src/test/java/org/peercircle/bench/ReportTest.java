package org.peercircle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What W3's row says besides its rate. */
class ReportTest {

    @Test
    void w3SaysWhereTheCpuWentTheReplayJvmByThreadAndThePostgresqlFloor() throws Exception {
        JsonNode w3 = new ObjectMapper().readTree("""
                {"ingestRate": 15000,
                 "cpuUsPerEvent": {"postgresql reporting_w3": 35, "reporting-service (W3 replay)": 46, "kafka": 2,
                                   "all": 96},
                 "replayJvmUsPerEvent": {"elapsed": 0, "application": 20, "JIT compiler": 17, "GC": 9, "all": 46},
                 "databaseAlone": {"rowsPerSec": 67838, "cpuUsPerRow": {"postgresql reporting_w3": 13, "all": 16}}}
                """);

        assertThat(Report.w3Note(w3)).isEqualTo("CPU µs per event: postgresql reporting_w3 35, "
                + "reporting-service (W3 replay) 46, all 96; the replay's JVM by thread: application 20, "
                + "JIT compiler 17, GC 9, all 46; PostgreSQL alone, one binary COPY of the same rows into an empty "
                + "copy of the table: 67,838 rows/s; CPU µs per row: postgresql reporting_w3 13, all 16");
    }
}

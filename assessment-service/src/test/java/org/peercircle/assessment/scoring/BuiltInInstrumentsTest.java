package org.peercircle.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The bundled library: complete, valid, and honest about where wording may be shipped. */
class BuiltInInstrumentsTest {

    @Test
    void everyBundledFileIsListedAndValid() throws IOException {
        List<String> files;
        try (Stream<Path> dir = Files.list(Path.of("src/main/resources/instruments"))) {
            files = dir.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertThat(Sheets.allBuiltIn()).hasSize(files.size());
        assertThat(Sheets.allBuiltIn()).extracting(Instrument::code).containsExactlyInAnyOrder("UCLA-3", "DJG-6",
                "DJG-11", "GSE-10", "LSNS-6", "GDS-15", "SSRS", "ALIENATION-7", "NEEDS-GROUP", "SESSION-FEEDBACK");
    }

    @Test
    void everyInstrumentRecordsSourceAndLicenceAndNamesZhCnFirst() {
        assertThat(Sheets.allBuiltIn()).allSatisfy(i -> {
            assertThat(i.source()).isNotBlank();
            assertThat(i.licence()).isNotBlank();
            assertThat(i.name().keySet()).startsWith("zh-CN", "en");
            assertThat(InstrumentRules.check(i)).isEmpty();
        });
    }

    @Test
    void wordingIsShippedOnlyWhereTheTermsAllowIt() {
        assertThat(Sheets.allBuiltIn().stream().filter(Instrument::shipsItemText).map(Instrument::code))
                .containsExactlyInAnyOrder("GDS-15", "NEEDS-GROUP", "SESSION-FEEDBACK");
        assertThat(Sheets.allBuiltIn().stream().filter(i -> !i.shipsItemText()))
                .allSatisfy(i -> assertThat(i.licence()).contains("/texts/{locale}"));
    }

    @Test
    void scoredInstrumentsDeclareDirectionAndReliabilityForTheRci() {
        assertThat(Sheets.allBuiltIn().stream().filter(i -> i.scoring().total() != null && i.reliability() != null)
                .map(Instrument::code)).contains("UCLA-3", "DJG-6", "DJG-11", "GSE-10", "LSNS-6", "GDS-15", "SSRS");
        assertThat(Sheets.builtIn("GDS-15").worseWhenHigher()).isTrue();
        assertThat(Sheets.builtIn("LSNS-6").worseWhenHigher()).isFalse();
    }
}

package org.peercircle.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventJson;
import org.peercircle.contracts.assessment.AssessmentScored;

/** The quick reading of date-times gives what {@link OffsetDateTime#parse} and the contract's JSON mapper give. */
class OffsetDateTimeTextTest {

    private final Random random = new Random(20261206);

    @Test
    void readsWhatOffsetDateTimeWritesAsOffsetDateTimeParseDoes() {
        for (int i = 0; i < 20_000; i++) {
            OffsetDateTime time = randomTime();
            String text = time.toString();
            assertThat(OffsetDateTimeText.quick(text)).as(text).isNotNull();
            assertThat(OffsetDateTimeText.parse(text)).as(text).isEqualTo(OffsetDateTime.parse(text));
        }
    }

    @Test
    void leavesOtherFormsToOffsetDateTimeParse() {
        for (String text : List.of("2026-03-02t09:30:00+08:00", "2026-03-02T09:30:00z", "2026-03-02T09:30:00+0800",
                "2026-03-02T09:30:00+08:00:00", "+12026-03-02T09:30:00Z", "2026-03-02T09:30:00.1234567891Z",
                "2026-03-02T09:30:00.Z", " 2026-03-02T09:30Z")) {
            assertThat(OffsetDateTimeText.quick(text)).as(text).isNull();
            assertThat(outcome(text)).as(text).isEqualTo(expected(text));
        }
        for (String text : List.of("2026-02-30T09:30:00Z", "2026-03-02T24:00Z", "2026-03-02T09:60Z",
                "2026-03-02T09:30:61Z", "2026-03-02T09:30:00+19:00", "2026-13-02T09:30Z", "2026-03-02T09:30:00")) {
            assertThat(OffsetDateTimeText.quick(text)).as(text).isNull();
            assertThatThrownBy(() -> OffsetDateTimeText.parse(text)).as(text).isInstanceOf(DateTimeParseException.class);
        }
    }

    @Test
    void payloadsReadAsTheContractMapperReadsThem() throws Exception {
        for (int i = 0; i < 2_000; i++) {
            AssessmentScored scored = new AssessmentScored(UUID.randomUUID(), random.nextInt(3), UUID.randomUUID(),
                    UUID.randomUUID(), null, "UCLA-3", 1, "PRE", randomTime(), random.nextDouble() * 100,
                    Map.of("S1", random.nextDouble()), null, false, true, 0.9, 8.0,
                    Map.of("1", (double) random.nextInt(5), "2", random.nextGaussian() * 1e-9), null, null);
            String json = EventJson.MAPPER.writeValueAsString(scored);
            assertThat(PayloadReader.read(json, AssessmentScored.class))
                    .isEqualTo(EventJson.MAPPER.readValue(json, AssessmentScored.class));
        }
        String epochSeconds = "{\"administeredAt\":1772415000.5,\"totalScore\":1e3}";
        assertThat(PayloadReader.read(epochSeconds, AssessmentScored.class))
                .isEqualTo(EventJson.MAPPER.readValue(epochSeconds, AssessmentScored.class));
    }

    private OffsetDateTime randomTime() {
        Instant instant = Instant.ofEpochSecond(-62_000_000_000L + (long) (random.nextDouble() * 315_000_000_000L));
        int[] fractionDigits = { 0, 0, 3, 6, 9, 1, 5 };
        int digits = fractionDigits[random.nextInt(fractionDigits.length)];
        int nano = digits == 0 ? 0 : (int) (random.nextInt(1_000_000_000) / Math.pow(10, 9 - digits)) * (int) Math.pow(10, 9 - digits);
        ZoneOffset offset = random.nextInt(4) == 0 ? ZoneOffset.UTC
                : ZoneOffset.ofTotalSeconds((random.nextInt(18 * 4 * 2 + 1) - 18 * 4) * 15 * 60);
        OffsetDateTime time = OffsetDateTime.ofInstant(instant.plusNanos(nano), offset);
        // OffsetDateTime#toString leaves out zero seconds: cover that form too
        return random.nextInt(5) == 0 ? time.withSecond(0).withNano(0) : time;
    }

    private static Object outcome(String text) {
        try {
            return OffsetDateTimeText.parse(text);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    private static Object expected(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }
}

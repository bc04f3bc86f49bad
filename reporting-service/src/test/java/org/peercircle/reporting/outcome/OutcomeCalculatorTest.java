package org.peercircle.reporting.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.reporting.statistics.PairedComparison;

class OutcomeCalculatorTest {

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 3, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));
    private final UUID group = UUID.randomUUID();

    @Test
    void pairsTheLatestPreAndPostOfTheSameVersionWithinAGroup() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<Score> scores = new ArrayList<>();
        scores.add(score(a, group, 1, "PRE", T, 20));
        scores.add(score(a, group, 1, "PRE", T.plusDays(1), 18)); // latest PRE
        scores.add(score(a, group, 1, "POST", T.plusDays(40), 12));
        scores.add(score(a, group, 2, "POST", T.plusDays(41), 1)); // another version: never paired with v1
        scores.add(score(b, group, 1, "PRE", T, 30));
        scores.add(score(b, group, 1, "MID", T.plusDays(20), 5)); // not an outcome phase
        scores.add(score(b, group, 1, "POST", T.plusDays(40), 27));
        scores.add(score(b, null, 1, "POST", T.plusDays(60), 0)); // outside a group

        List<InstrumentOutcome> outcomes = OutcomeCalculator.outcomes(scores, true);
        assertThat(outcomes).hasSize(1);
        ScaleOutcome total = outcomes.get(0).total();
        assertThat(total.nPaired()).isEqualTo(2);
        assertThat(total.preMean()).isEqualTo(24.0);
        assertThat(total.postMean()).isEqualTo(19.5);
        assertThat(total.meanChange()).isEqualTo(-4.5);
        assertThat(total.members()).extracting(ScaleOutcome.MemberChange::change).containsExactlyInAnyOrder(-6.0, -3.0);
    }

    @Test
    void pooledFiguresPairPerMemberAndGroupAndListNoOne() {
        UUID a = UUID.randomUUID();
        UUID otherGroup = UUID.randomUUID();
        List<Score> scores = List.of(
                score(a, group, 1, "PRE", T, 20), score(a, group, 1, "POST", T.plusDays(40), 10),
                score(a, otherGroup, 1, "PRE", T.plusDays(50), 22), score(a, otherGroup, 1, "POST", T.plusDays(90), 21));
        ScaleOutcome total = OutcomeCalculator.outcomes(scores, false).get(0).total();
        assertThat(total.nPaired()).isEqualTo(2);
        assertThat(total.members()).isNull();
    }

    @Test
    void sameTimeIsDecidedByAdministrationIdNotArrivalOrder() {
        UUID a = UUID.randomUUID();
        Score x = new Score(a, group, UUID.fromString("00000000-0000-0000-0000-000000000001"), "UCLA", 1, "PRE", T, 10.0,
                null, true, null, null, null, null);
        Score y = new Score(a, group, UUID.fromString("00000000-0000-0000-0000-000000000002"), "UCLA", 1, "PRE", T, 14.0,
                null, true, null, null, null, null);
        Score post = score(a, group, 1, "POST", T.plusDays(1), 12);
        double one = OutcomeCalculator.outcomes(List.of(x, y, post), true).get(0).total().preMean();
        double other = OutcomeCalculator.outcomes(List.of(post, y, x), true).get(0).total().preMean();
        assertThat(one).isEqualTo(14.0).isEqualTo(other);
    }

    @Test
    void aSubscaleIsJudgedByItsOwnReliabilityAndNormativeSd() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        Map<String, Double> reliability = Map.of("EMOTIONAL", 0.75);
        Map<String, Double> normSd = Map.of("EMOTIONAL", 2.0);
        // S_diff = sqrt(2)·2·sqrt(0.25) = sqrt(2): a fall of 3 is reliable (RCI −2.12), a fall of 1 is not
        List<Score> scores = List.of(
                new Score(a, group, UUID.randomUUID(), "DJG", 1, "PRE", T, 8.0, Map.of("EMOTIONAL", 5.0, "SOCIAL", 3.0),
                        true, 0.8, null, reliability, normSd),
                new Score(a, group, UUID.randomUUID(), "DJG", 1, "POST", T.plusDays(42), 5.0,
                        Map.of("EMOTIONAL", 2.0, "SOCIAL", 3.0), true, 0.8, null, reliability, normSd),
                new Score(b, group, UUID.randomUUID(), "DJG", 1, "PRE", T, 6.0, Map.of("EMOTIONAL", 4.0, "SOCIAL", 2.0),
                        true, 0.8, null, reliability, normSd),
                new Score(b, group, UUID.randomUUID(), "DJG", 1, "POST", T.plusDays(42), 5.0,
                        Map.of("EMOTIONAL", 3.0, "SOCIAL", 2.0), true, 0.8, null, reliability, normSd));

        InstrumentOutcome djg = OutcomeCalculator.outcomes(scores, true).get(0);
        ScaleOutcome emotional = djg.subscales().stream().filter(x -> x.scale().equals("EMOTIONAL")).findFirst().orElseThrow();
        assertThat(emotional.reliableChange().sdSource()).isEqualTo("NORM_SD");
        assertThat(emotional.reliableChange().sDiff()).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(emotional.improved()).isEqualTo(1);
        assertThat(emotional.unchanged()).isEqualTo(1);
        ScaleOutcome social = djg.subscales().stream().filter(x -> x.scale().equals("SOCIAL")).findFirst().orElseThrow();
        assertThat(social.rciUnavailable()).isEqualTo("NO_RELIABILITY");
        assertThat(social.members()).allSatisfy(m -> assertThat(m.category()).isNull());

        ScaleOutcome pooled = OutcomeCalculator.pooled("EMOTIONAL", PairedComparison.of(new double[] { 5, 4 },
                new double[] { 2, 3 }), 0.75, 2.0, 2, 1, 1, 0);
        assertThat(pooled.reliableChange().sdSource()).isEqualTo("NORM_SD");
        assertThat(pooled.improved()).isEqualTo(1);
        assertThat(OutcomeCalculator.pooled("SOCIAL", PairedComparison.of(new double[] { 3, 2 }, new double[] { 3, 2 }),
                null, null, 0, 0, 0, 0).rciUnavailable()).isEqualTo("NO_RELIABILITY");
    }

    private static Score score(UUID participant, UUID group, int version, String phase, OffsetDateTime at, double total) {
        return new Score(participant, group, UUID.randomUUID(), "UCLA", version, phase, at, total, null, true, 0.9, 5.0, null, null);
    }
}

package org.peercircle.reporting.dashboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.Gender;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.contracts.EventType;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.assessment.AssessmentScored;
import org.peercircle.contracts.participant.ConsentChanged;
import org.peercircle.contracts.participant.ParticipantErased;
import org.peercircle.contracts.participant.ParticipantRegistered;
import org.peercircle.contracts.participant.WithdrawalReason;
import org.peercircle.contracts.session.AttendanceRecorded;
import org.peercircle.contracts.session.GroupCreated;
import org.peercircle.contracts.session.GroupStatusChanged;
import org.peercircle.contracts.session.MemberEnrolled;
import org.peercircle.contracts.session.MemberWaitListed;
import org.peercircle.contracts.session.MemberWithdrawn;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.BulkPublisher;
import org.peercircle.testing.Tokens;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * The centre dashboards, kept as running tallies, equal a plain recomputation (here, from the inputs, not with the
 * service's code) of a few hundred seeded random events sent through the broker: registrations, seats, withdrawals,
 * attendance records and re-records, pre/post scores with repeated administrations and amendments (some arriving
 * before the score they amend), needs answers, consent withdrawn and granted again, erasure (with an event about
 * the erased person arriving afterwards) and redelivery of a tenth of the events. Once with every batch settling the
 * tallies as it goes, once with every batch leaving them to the recomputation after it (as when catching up).
 */
@QuarkusTest
class TalliesEqualityTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 3, 2, 9, 30, 0, 0, ZoneOffset.ofHours(8));
    private static final double RELIABILITY = 0.85;
    private static final double NORM_SD = 8.0;
    /** S1 declares its own reliability and normative SD; S2 declares none. */
    private static final double S1_RELIABILITY = 0.8;
    private static final double S1_NORM_SD = 2.0;

    private record Person(UUID id, UUID centre, AgeBand age, Gender gender, LivingSituation living, boolean migrant) {
    }

    private record Published(EventType<Object> type, UUID id, UUID key, Object payload) {
    }

    private final Random random = new Random(6_2026_1123L);
    private final List<Published> published = new ArrayList<>();
    private BulkPublisher bus;

    // the model: what the events say
    private final Map<UUID, Person> people = new LinkedHashMap<>();
    private final Map<UUID, Boolean> consent = new HashMap<>();
    private final Set<UUID> erased = new HashSet<>();
    private final Map<UUID, UUID> groupCentre = new LinkedHashMap<>();
    private final Map<UUID, String> groupStatus = new HashMap<>();
    private final Map<List<UUID>, String[]> seats = new LinkedHashMap<>(); // (group, person) -> state, reason
    private final Map<UUID, Map<UUID, String>> marks = new LinkedHashMap<>(); // session -> person -> status
    private final Map<UUID, UUID> sessionCentre = new HashMap<>();
    private final Map<UUID, AssessmentScored> scores = new LinkedHashMap<>(); // highest revision

    @Inject
    TallyBacklog backlog;

    @Inject
    MeterRegistry registry;

    @ParameterizedTest(name = "batches defer settlement from {0} records")
    @ValueSource(ints = { Integer.MAX_VALUE, 1 })
    void centreFiguresEqualARecomputationFromTheEvents(int deferFromBatchSize) {
        double recomputed = registry.counter("peercircle.tallies.recomputed").count();
        int before = backlog.deferFromBatchSize(deferFromBatchSize);
        try {
            publishAndCompare();
        } finally {
            backlog.deferFromBatchSize(before);
        }
        // the deferred run did go through the recomputation, the other one did not need it
        assertThat(registry.counter("peercircle.tallies.recomputed").count() > recomputed)
                .isEqualTo(deferFromBatchSize == 1);
    }

    private void publishAndCompare() {
        UUID[] centres = { UUID.randomUUID(), UUID.randomUUID() };
        String instrument = "EQ-" + UUID.randomUUID().toString().substring(0, 8);
        String needs = instrument + "-NEEDS";
        try (BulkPublisher b = new BulkPublisher()) {
            bus = b;
            generate(centres, instrument, needs);
            // redelivery of a tenth of everything, same ids
            List<Published> again = new ArrayList<>(published);
            java.util.Collections.shuffle(again, random);
            again.subList(0, again.size() / 10).forEach(p -> bus.publish(p.type(), p.id(), p.key(), p.payload()));
            bus.flush();
        }
        assertThat(published.size()).isGreaterThan(300);

        for (UUID centre : centres) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertCentre(centre, instrument, needs));
        }
        // the city pools the two centres' pairs
        JsonPath city = exact(given().auth().oauth2(Tokens.of(Roles.ANALYST)).when().get("/api/v1/city/dashboard")
                .then().statusCode(200).extract().asString());
        List<double[]> pairs = new ArrayList<>();
        for (UUID centre : centres) {
            pairs.addAll(pairs(centre, instrument, s -> s.totalScore()));
        }
        String o = "outcomes.find { it.instrumentCode == '" + instrument + "' }";
        assertThat(city.getInt(o + ".nPaired")).isEqualTo(pairs.size());
        assertThat(city.getDouble(o + ".total.meanChange")).isCloseTo(mean(pairs, 2), within(1e-9));
        assertThat(city.getDouble(o + ".total.changeSd")).isCloseTo(sd(pairs, 2), within(1e-9));
    }

    private void generate(UUID[] centres, String instrument, String needs) {
        Map<UUID, List<UUID>> groupsOf = new HashMap<>();
        for (UUID centre : centres) {
            for (int g = 0; g < 3; g++) {
                UUID group = UUID.randomUUID();
                groupCentre.put(group, centre);
                groupsOf.computeIfAbsent(centre, c -> new ArrayList<>()).add(group);
                publish(EventTypes.GROUP_CREATED, group, new GroupCreated(group, centre, "等式小组" + g, "SUPPORT",
                        "SIX_SESSION_ADJUSTMENT", 5, 20, 6, LocalDate.of(2026, 3, 2), "Asia/Shanghai", T0.minusDays(20)));
                status(group, "PLANNING", "RUNNING");
            }
        }
        for (int i = 0; i < 70; i++) {
            UUID centre = centres[random.nextInt(2)];
            Person p = new Person(UUID.randomUUID(), centre, pick(AgeBand.values()), pick(Gender.values()),
                    pick(LivingSituation.values()), random.nextBoolean());
            people.put(p.id(), p);
            publish(EventTypes.PARTICIPANT_REGISTERED, p.id(), new ParticipantRegistered(p.id(), centre, p.age(),
                    p.gender(), p.living(), p.migrant(), "SELF", T0.minusDays(30)));
            List<UUID> own = groupsOf.get(centre);
            UUID group = own.get(random.nextInt(own.size()));
            double roll = random.nextDouble();
            if (roll < 0.1) {
                seat(group, p, "WAIT_LISTED", null);
            } else if (roll < 0.9) {
                seat(group, p, "ENROLLED", null);
                if (random.nextDouble() < 0.15) {
                    seat(group, p, "WITHDRAWN", pick(new WithdrawalReason[] { WithdrawalReason.HEALTH,
                            WithdrawalReason.MOVED_AWAY, WithdrawalReason.CARING_DUTIES }));
                }
                if (random.nextDouble() < 0.1) {
                    // a seat in a group of the other centre too
                    List<UUID> other = groupsOf.get(centres[centre.equals(centres[0]) ? 1 : 0]);
                    seat(other.get(0), p, "ENROLLED", null);
                }
                scores(p, group, instrument);
            }
            if (random.nextDouble() < 0.7) {
                needs(p, needs, T0.minusDays(25));
                if (random.nextDouble() < 0.3) {
                    needs(p, needs, T0.minusDays(5));
                }
            }
        }
        for (UUID group : groupCentre.keySet()) {
            for (int sequence = 1; sequence <= 3; sequence++) {
                UUID session = UUID.randomUUID();
                attendance(group, session, sequence);
                if (random.nextDouble() < 0.2) {
                    attendance(group, session, sequence); // a corrected record replaces the first
                }
            }
        }
        for (UUID centre : centres) {
            status(groupsOf.get(centre).get(2), "RUNNING", "CLOSED");
        }
        for (Person p : people.values()) {
            double roll = random.nextDouble();
            if (roll < 0.15) {
                consent(p, false);
                if (random.nextDouble() < 0.4) {
                    consent(p, true);
                }
            } else if (roll < 0.2) {
                erased.add(p.id());
                publish(EventTypes.PARTICIPANT_ERASED, p.id(), new ParticipantErased(p.id(), p.centre(), T0));
            }
        }
        // an event about an erased person that arrives after the erasure changes nothing
        erased.stream().findFirst().ifPresent(id -> {
            Person p = people.get(id);
            UUID group = groupsOf.get(p.centre()).get(0);
            score(p, group, instrument, "POST", T0.plusDays(60), 0, UUID.randomUUID(), 99.0);
        });
    }

    private void scores(Person p, UUID group, String instrument) {
        int pres = 1 + random.nextInt(2);
        for (int i = 0; i < pres; i++) {
            administration(p, group, instrument, "PRE", T0.minusDays(3 - i));
        }
        if (random.nextDouble() < 0.8) {
            administration(p, group, instrument, "POST", T0.plusDays(42));
        }
    }

    private void administration(Person p, UUID group, String instrument, String phase, OffsetDateTime at) {
        UUID administration = UUID.randomUUID();
        double roll = random.nextDouble();
        if (roll < 0.1) {
            // the amendment overtakes the score it amends: revision 1 arrives first and stays
            score(p, group, instrument, phase, at, 1, administration, 20.0 + random.nextInt(60));
            score(p, group, instrument, phase, at, 0, administration, 20.0 + random.nextInt(60));
        } else {
            score(p, group, instrument, phase, at, 0, administration, 20.0 + random.nextInt(60));
            if (roll < 0.3) {
                score(p, group, instrument, phase, at, 1, administration, 20.0 + random.nextInt(60) + 0.5);
            }
        }
    }

    private void score(Person p, UUID group, String instrument, String phase, OffsetDateTime at, int revision,
            UUID administration, double total) {
        Map<String, Double> subscales = new TreeMap<>();
        subscales.put("S1", (double) random.nextInt(20));
        if (random.nextDouble() < 0.8) {
            subscales.put("S2", random.nextInt(40) / 4.0);
        }
        AssessmentScored s = new AssessmentScored(administration, revision, p.id(), p.centre(), group, instrument, 1,
                phase, at, total, subscales, null, false, true, RELIABILITY, NORM_SD, Map.of(),
                Map.of("S1", S1_RELIABILITY), Map.of("S1", S1_NORM_SD));
        publish(revision == 0 ? EventTypes.ASSESSMENT_COMPLETED : EventTypes.ASSESSMENT_AMENDED, p.id(), s);
        if (!erased.contains(p.id())) {
            scores.merge(administration, s, (a, b) -> b.revision() > a.revision() ? b : a);
        }
    }

    private void needs(Person p, String code, OffsetDateTime at) {
        Map<String, Double> items = new HashMap<>();
        items.put("Q1", 1.0 + random.nextInt(4));
        items.put("Q2", 1.0 + random.nextInt(3));
        if (random.nextDouble() < 0.7) {
            items.put("Q3", random.nextDouble() < 0.2 ? null : 1.0 + random.nextInt(2));
        }
        AssessmentScored s = new AssessmentScored(UUID.randomUUID(), 0, p.id(), p.centre(), null, code, 1, "NEEDS", at,
                null, null, null, false, false, null, null, items, null, null);
        publish(EventTypes.ASSESSMENT_COMPLETED, p.id(), s);
        scores.put(s.administrationId(), s);
    }

    private void seat(UUID group, Person p, String state, WithdrawalReason reason) {
        UUID centre = groupCentre.get(group);
        switch (state) {
            case "WAIT_LISTED" -> publish(EventTypes.MEMBER_WAIT_LISTED, group,
                    new MemberWaitListed(group, centre, p.id(), 1, T0.minusDays(12)));
            case "ENROLLED" -> publish(EventTypes.MEMBER_ENROLLED, group,
                    new MemberEnrolled(group, centre, p.id(), false, T0.minusDays(10)));
            default -> publish(EventTypes.MEMBER_WITHDRAWN, group,
                    new MemberWithdrawn(group, centre, p.id(), reason, false, T0.minusDays(2)));
        }
        seats.put(List.of(group, p.id()), new String[] { state, reason == null ? null : reason.name() });
    }

    private void attendance(UUID group, UUID session, int sequence) {
        Map<UUID, String> statuses = new LinkedHashMap<>();
        seats.forEach((key, seat) -> {
            if (key.get(0).equals(group) && !"WAIT_LISTED".equals(seat[0])) {
                statuses.put(key.get(1), pick(new String[] { "PRESENT", "PRESENT", "LATE", "ABSENT", "EXCUSED" }));
            }
        });
        UUID centre = groupCentre.get(group);
        publish(EventTypes.ATTENDANCE_RECORDED, group, new AttendanceRecorded(group, centre, session, sequence,
                statuses.entrySet().stream().map(e -> new AttendanceRecorded.Entry(e.getKey(), e.getValue())).toList()));
        marks.put(session, statuses);
        sessionCentre.put(session, centre);
    }

    private void status(UUID group, String from, String to) {
        publish(EventTypes.GROUP_STATUS_CHANGED, group, new GroupStatusChanged(group, groupCentre.get(group), from, to, T0));
        groupStatus.put(group, to);
    }

    private void consent(Person p, boolean granted) {
        publish(EventTypes.PARTICIPANT_CONSENT_CHANGED, p.id(), new ConsentChanged(p.id(), p.centre(),
                ConsentChanged.ConsentType.ANALYTICS, granted, ConsentChanged.GivenBy.SELF, LocalDate.of(2026, 3, 1)));
        consent.put(p.id(), granted);
    }

    @SuppressWarnings("unchecked")
    private <T> void publish(EventType<T> type, UUID key, T payload) {
        UUID id = bus.publish(type, key, payload);
        published.add(new Published((EventType<Object>) (EventType<?>) type, id, key, payload));
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    // ---- the recomputation -------------------------------------------------------------------------------------

    private boolean counted(UUID person) {
        return !erased.contains(person) && !Boolean.FALSE.equals(consent.get(person));
    }

    private void assertCentre(UUID centre, String instrument, String needs) {
        JsonPath d = exact(given().auth().oauth2(Tokens.of(Roles.COORDINATOR))
                .when().get("/api/v1/centres/" + centre + "/dashboard").then().statusCode(200).extract().asString());
        List<Person> served = people.values().stream().filter(p -> p.centre().equals(centre) && counted(p.id())).toList();
        assertThat(d.getLong("peopleServed")).isEqualTo(served.size());
        assertThat(d.getLong("migrants")).isEqualTo(served.stream().filter(Person::migrant).count());
        assertThat(d.getMap("byAgeBand")).isEqualTo(countBy(served, p -> p.age().name()));
        assertThat(d.getMap("byGender")).isEqualTo(countBy(served, p -> p.gender().name()));
        assertThat(d.getMap("byLivingSituation")).isEqualTo(countBy(served, p -> p.living().name()));
        assertThat(d.getMap("byStatus")).isEqualTo(countBy(served, p -> "REFERRED"));
        assertThat(d.getMap("groupsByStatus")).isEqualTo(countBy(
                groupCentre.keySet().stream().filter(g -> groupCentre.get(g).equals(centre)).toList(), groupStatus::get));

        Map<String, Integer> bySeat = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        Set<UUID> inGroups = new HashSet<>();
        seats.forEach((key, seat) -> {
            if (groupCentre.get(key.get(0)).equals(centre) && counted(key.get(1))) {
                String state = "ENROLLED".equals(seat[0]) && "CLOSED".equals(groupStatus.get(key.get(0))) ? "COMPLETED" : seat[0];
                bySeat.merge(state, 1, Integer::sum);
                if ("WITHDRAWN".equals(seat[0])) {
                    reasons.merge(seat[1], 1, Integer::sum);
                }
                if (!"WAIT_LISTED".equals(seat[0])) {
                    inGroups.add(key.get(1));
                }
            }
        });
        assertThat(d.getInt("membership.enrolled")).isEqualTo(bySeat.getOrDefault("ENROLLED", 0));
        assertThat(d.getInt("membership.completed")).isEqualTo(bySeat.getOrDefault("COMPLETED", 0));
        assertThat(d.getInt("membership.withdrawn")).isEqualTo(bySeat.getOrDefault("WITHDRAWN", 0));
        assertThat(d.getInt("membership.waitListed")).isEqualTo(bySeat.getOrDefault("WAIT_LISTED", 0));
        assertThat(d.getMap("withdrawalReasons")).isEqualTo(reasons);
        assertThat(d.getInt("peopleInGroups")).isEqualTo(inGroups.size());

        long recorded = 0;
        long attended = 0;
        for (Map.Entry<UUID, Map<UUID, String>> session : marks.entrySet()) {
            if (sessionCentre.get(session.getKey()).equals(centre)) {
                for (Map.Entry<UUID, String> mark : session.getValue().entrySet()) {
                    if (counted(mark.getKey())) {
                        recorded++;
                        attended += "PRESENT".equals(mark.getValue()) || "LATE".equals(mark.getValue()) ? 1 : 0;
                    }
                }
            }
        }
        assertThat(d.getDouble("attendanceRate")).isCloseTo((double) attended / recorded, within(1e-12));
        assertThat(d.getList("groups.groupId")).hasSize(3);

        String o = "outcomes.find { it.instrumentCode == '" + instrument + "' }";
        List<double[]> total = pairs(centre, instrument, AssessmentScored::totalScore);
        assertScale(d, o + ".total", total);
        assertReliableChange(d, o + ".total", total, NORM_SD, RELIABILITY);
        for (String subscale : List.of("S1", "S2")) {
            String at = o + ".subscales.find { it.scale == '" + subscale + "' }";
            List<double[]> pairs = pairs(centre, instrument,
                    s -> s.subscaleScores() == null ? null : s.subscaleScores().get(subscale));
            assertScale(d, at, pairs);
            if ("S1".equals(subscale)) {
                assertReliableChange(d, at, pairs, S1_NORM_SD, S1_RELIABILITY);
            } else {
                assertThat(d.getString(at + ".rciUnavailable")).isEqualTo("NO_RELIABILITY");
                assertThat((Object) d.get(at + ".improved")).isNull();
            }
        }

        // needs: each counted person's latest answers
        Map<UUID, AssessmentScored> latestNeeds = new HashMap<>();
        scores.values().stream().filter(s -> s.instrumentCode().equals(needs) && s.centreId().equals(centre)
                && counted(s.participantId())).forEach(s -> latestNeeds.merge(s.participantId(), s,
                        (a, b) -> LATEST.compare(a, b) >= 0 ? a : b));
        Map<String, Map<String, Integer>> answers = new TreeMap<>();
        latestNeeds.values().forEach(s -> s.itemValues().forEach((item, value) -> answers
                .computeIfAbsent(item, k -> new TreeMap<>()).merge(value == null ? "NONE"
                        : String.valueOf(value.longValue()), 1, Integer::sum)));
        String n = "needs.find { it.instrumentCode == '" + needs + "' }";
        assertThat(d.getInt(n + ".respondents")).isEqualTo(latestNeeds.size());
        assertThat(d.getMap(n + ".items")).isEqualTo(answers);
    }

    /** Jacobson–Truax categories of a lower-is-better scale, counted by hand. */
    private static void assertReliableChange(JsonPath d, String at, List<double[]> pairs, double sd, double r) {
        double sDiff = Math.sqrt(2) * sd * Math.sqrt(1 - r);
        long improved = pairs.stream().filter(p -> p[2] / sDiff < -1.96).count();
        long worse = pairs.stream().filter(p -> p[2] / sDiff > 1.96).count();
        assertThat(improved + worse).as("the seeded data must hold reliable changes at " + at).isPositive();
        assertThat(d.getInt(at + ".improved")).isEqualTo((int) improved);
        assertThat(d.getInt(at + ".worse")).isEqualTo((int) worse);
        assertThat(d.getInt(at + ".unchanged")).isEqualTo(pairs.size() - (int) improved - (int) worse);
    }

    private static final Comparator<AssessmentScored> LATEST = Comparator.comparing(AssessmentScored::administeredAt)
            .thenComparing(s -> s.administrationId().toString());

    /** {pre, post, post − pre} of each counted member's latest PRE and POST in a group of the centre. */
    private List<double[]> pairs(UUID centre, String instrument, Function<AssessmentScored, Double> value) {
        Map<List<UUID>, AssessmentScored[]> latest = new HashMap<>();
        for (AssessmentScored s : scores.values()) {
            if (!s.instrumentCode().equals(instrument) || !s.centreId().equals(centre) || !counted(s.participantId())) {
                continue;
            }
            AssessmentScored[] both = latest.computeIfAbsent(List.of(s.participantId(), s.groupId()), k -> new AssessmentScored[2]);
            int i = "PRE".equals(s.phase()) ? 0 : 1;
            if (both[i] == null || LATEST.compare(s, both[i]) > 0) {
                both[i] = s;
            }
        }
        List<double[]> pairs = new ArrayList<>();
        latest.values().forEach(both -> {
            if (both[0] != null && both[1] != null && value.apply(both[0]) != null && value.apply(both[1]) != null) {
                double pre = value.apply(both[0]);
                double post = value.apply(both[1]);
                pairs.add(new double[] { pre, post, post - pre });
            }
        });
        return pairs;
    }

    private static void assertScale(JsonPath d, String path, List<double[]> pairs) {
        assertThat(d.getInt(path + ".nPaired")).as(path).isEqualTo(pairs.size());
        assertThat(d.getDouble(path + ".preMean")).isCloseTo(mean(pairs, 0), within(1e-9));
        assertThat(d.getDouble(path + ".postMean")).isCloseTo(mean(pairs, 1), within(1e-9));
        assertThat(d.getDouble(path + ".meanChange")).isCloseTo(mean(pairs, 2), within(1e-9));
        assertThat(d.getDouble(path + ".preSd")).isCloseTo(sd(pairs, 0), within(1e-9));
        assertThat(d.getDouble(path + ".changeSd")).isCloseTo(sd(pairs, 2), within(1e-9));
        double t = mean(pairs, 2) / (sd(pairs, 2) / Math.sqrt(pairs.size()));
        assertThat(d.getDouble(path + ".tTest.t")).isCloseTo(t, within(1e-9));
        assertThat(d.getInt(path + ".tTest.df")).isEqualTo(pairs.size() - 1);
        assertThat(d.getString(path + ".wilcoxon")).isNull();
    }

    /** Decimals as doubles (JsonPath reads them as floats by default). */
    private static JsonPath exact(String body) {
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    private static double mean(List<double[]> pairs, int i) {
        return pairs.stream().mapToDouble(p -> p[i]).average().orElseThrow();
    }

    private static double sd(List<double[]> pairs, int i) {
        double m = mean(pairs, i);
        return Math.sqrt(pairs.stream().mapToDouble(p -> (p[i] - m) * (p[i] - m)).sum() / (pairs.size() - 1));
    }

    private static <T> Map<String, Integer> countBy(List<T> items, Function<T, String> key) {
        Map<String, Integer> counts = new TreeMap<>();
        items.forEach(x -> counts.merge(key.apply(x), 1, Integer::sum));
        return counts;
    }
}

package org.peercircle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.peercircle.contracts.Topics;
import org.peercircle.system.PairedStatistics.Pair;
import org.peercircle.testing.Broker;
import org.peercircle.testing.TokenSigner;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * The whole journey across the four running services, through REST only and with the token of whoever would do
 * each step, on the system that {@code deploy/local/up.sh} starts: a coordinator sets up a centre and its
 * eligibility rule; its social worker registers people and screens them (participant-service decides eligibility
 * from the assessment event); a group is planned from the six-session adjustment programme, filled up to capacity
 * and then the wait-list; the facilitator records attendance (one member misses two sessions in a row and shows
 * as at risk); pre and post assessments give an outcome report whose statistics must equal those computed here
 * from the submitted answers; the centre and city dashboards count it all. Around that: another centre's social
 * worker sees none of it, an analyst sees pseudonymous data only, an erasure takes the person out of everything,
 * and no name or phone number reaches a topic or the reporting database.
 *
 * <p>The shared run also holds the demo and other tests' data, so city-wide figures are read for this test's
 * own centres or as differences from before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyIT {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Duration PATIENCE = Duration.ofSeconds(60);
    static final String FACILITATOR = "fac-wang-journey";

    /** A person as the social worker registers them; the journey's names and phones must never leave participant-service. */
    record Person(String name, String phone, String birthDate, String gender, String livingSituation, Integer movedToCityYear) {
    }

    static final List<Person> PEOPLE = List.of(
            new Person("王秀英", "13800138000", "1955-06-01", "FEMALE", "WITH_GRANDCHILDREN", 2018),
            new Person("李桂兰", "13800138011", "1952-03-14", "FEMALE", "WITH_GRANDCHILDREN", 2017),
            new Person("张玉珍", "13800138022", "1958-11-02", "FEMALE", "WITH_CHILDREN", 2019),
            new Person("刘建国", "13800138033", "1950-01-20", "MALE", "WITH_SPOUSE", 2016),
            new Person("陈淑芬", "13800138044", "1956-07-07", "FEMALE", "WITH_GRANDCHILDREN", 2020),
            new Person("杨德明", "13800138055", "1949-09-30", "MALE", "ALONE", null),
            new Person("赵春梅", "13800138066", "1957-04-18", "FEMALE", "WITH_GRANDCHILDREN", 2021),
            new Person("黄志强", "13800138077", "1953-12-05", "MALE", "WITH_SPOUSE", 2015),
            new Person("周兰英", "13800138088", "1951-05-25", "FEMALE", "ALONE", null));
    /** Registered at the other centre. */
    static final Person NEIGHBOUR = new Person("吴凤英", "13800138099", "1954-08-08", "FEMALE", "ALONE", null);
    /** The first person's emergency contact. */
    static final String CONTACT_NAME = "李娟";
    static final String CONTACT_PHONE = "13900139000";

    /** ALIENATION-7 screening answers (7 items, 1-5); the rule is total ≥ 21, so 21 is in and 20 (the last) is out. */
    static final int[][] SCREENING = { { 4, 4, 3, 4, 3, 4, 4 }, { 5, 4, 4, 4, 4, 4, 4 }, { 3, 3, 3, 3, 3, 3, 3 },
            { 4, 4, 4, 4, 4, 4, 4 }, { 3, 4, 3, 4, 3, 4, 3 }, { 4, 3, 4, 3, 4, 3, 4 }, { 5, 5, 4, 4, 4, 4, 4 },
            { 3, 3, 4, 3, 3, 4, 3 }, { 3, 3, 3, 3, 3, 3, 2 } };

    /** Pre and post answers per member (in the order of {@link #members}): ALIENATION-7 (1-5) and UCLA-3 (1-3). */
    static final int[][] ALIENATION_PRE = { { 4, 4, 4, 3, 4, 4, 3 }, { 5, 4, 4, 4, 3, 4, 4 }, { 3, 4, 3, 4, 3, 3, 4 },
            { 4, 3, 3, 3, 3, 3, 3 }, { 4, 4, 5, 4, 4, 4, 4 }, { 3, 3, 3, 3, 4, 3, 3 } };
    static final int[][] ALIENATION_POST = { { 3, 3, 3, 2, 3, 3, 2 }, { 4, 3, 3, 3, 3, 3, 3 }, { 3, 3, 3, 4, 3, 3, 4 },
            { 2, 3, 2, 3, 2, 3, 2 }, { 3, 3, 4, 3, 3, 3, 3 }, { 3, 2, 3, 2, 3, 2, 3 } };
    static final int[][] UCLA_PRE = { { 3, 3, 2 }, { 3, 2, 3 }, { 2, 2, 3 }, { 3, 3, 3 }, { 2, 3, 2 }, { 3, 2, 2 } };
    static final int[][] UCLA_POST = { { 2, 2, 1 }, { 2, 2, 2 }, { 2, 2, 3 }, { 2, 1, 2 }, { 1, 2, 2 }, { 2, 2, 1 } };

    static LocalRun system;
    static TokenSigner tokens;
    static UUID centre;
    static UUID otherCentre;
    static UUID group;
    /** Registered at {@link #centre}, in the order of {@link #PEOPLE}. */
    static final List<UUID> participants = new ArrayList<>();
    static UUID neighbour;
    /** The group's members once enrolment is done, in the order of the pre/post answers. */
    static final List<UUID> members = new ArrayList<>();
    static UUID leaver;
    static UUID stillWaiting;
    static UUID absentee;
    /** The group's sessions in order: id and start. */
    static final List<String> sessionIds = new ArrayList<>();
    static final List<OffsetDateTime> sessionStarts = new ArrayList<>();
    static final Map<UUID, Map<String, Pair>> scores = new LinkedHashMap<>();
    static JsonPath cityBefore;

    @BeforeAll
    static void startTheSystem() throws Exception {
        system = LocalRun.shared();
        tokens = system.tokens();
        // JsonPath reads decimals as float by default: too coarse to compare statistics to 1e-9
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));
    }

    @AfterAll
    static void leaveRestAssuredAsFound() {
        RestAssured.reset();
    }

    static String coordinator() {
        return tokens.token("coordinator-li", "coordinator");
    }

    static String socialWorker() {
        return tokens.token("sw-zhang", "social-worker", centre);
    }

    static String otherSocialWorker() {
        return tokens.token("sw-zhao", "social-worker", otherCentre);
    }

    static String facilitator() {
        return tokens.token(FACILITATOR, "facilitator", centre);
    }

    static String analyst() {
        return tokens.token("analyst-wu", "analyst");
    }

    static RequestSpecification at(String service, String token) {
        return given().baseUri(system.url(service)).auth().oauth2(token).contentType(ContentType.JSON);
    }

    @Test
    @Order(1)
    void aCoordinatorSetsUpTwoCentresAndAnEligibilityRule() {
        cityBefore = city();
        centre = createCentre("旅程测试·T社区长者服务中心");
        otherCentre = createCentre("旅程测试·L村互助站");
        at("participant", coordinator()).body("""
                {"combinator":"ANY","conditions":[{"instrumentCode":"ALIENATION-7","operator":"GTE","threshold":21}]}""")
                .when().put("/api/v1/centres/" + centre + "/eligibility-rule")
                .then().statusCode(200);
        at("participant", socialWorker()).when().get("/api/v1/centres/" + centre + "/eligibility-rule")
                .then().statusCode(200).body("summary", equalTo("ALIENATION-7 ≥ 21"));
    }

    @Test
    @Order(2)
    void socialWorkersRegisterReferredPeople() {
        for (Person person : PEOPLE) {
            JsonPath registered = register(socialWorker(), centre, person, person == PEOPLE.get(0));
            assertThat(registered.getString("status")).isEqualTo("REFERRED");
            assertThat(registered.getBoolean("migrant")).as(person.name()).isEqualTo(person.movedToCityYear() != null);
            participants.add(UUID.fromString(registered.getString("id")));
        }
        neighbour = UUID.fromString(register(otherSocialWorker(), otherCentre, NEIGHBOUR, false).getString("id"));
    }

    @Test
    @Order(3)
    void screeningAssessmentsDecideEligibilityAutomatically() {
        for (int i = 0; i < participants.size(); i++) {
            JsonPath scored = submit(participants.get(i), null, "ALIENATION-7", "SCREENING",
                    OffsetDateTime.parse("2026-08-17T10:00+08:00").plusMinutes(20L * i), SCREENING[i]);
            assertThat(scored.getDouble("totalScore")).isEqualTo(sum(SCREENING[i]));
        }
        for (int i = 0; i < participants.size(); i++) {
            UUID id = participants.get(i);
            String expected = sum(SCREENING[i]) >= 21 ? "ELIGIBLE" : "INELIGIBLE";
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(participant(id).getString("status"))
                    .as("status of %s after screening", id).isEqualTo(expected));
            JsonPath decisions = at("participant", socialWorker()).when()
                    .get("/api/v1/participants/" + id + "/screening-decisions").then().statusCode(200).extract().jsonPath();
            assertThat(decisions.getString("[0].outcome")).isEqualTo(expected);
            assertThat(decisions.getString("[0].method")).isEqualTo("AUTOMATIC");
            assertThat(decisions.getString("[0].basis.eventType")).isEqualTo("assessment.completed.v1");
        }
    }

    @Test
    @Order(4)
    void aGroupFromTheAdjustmentTemplateGetsItsSixWeeklySessions() {
        JsonPath created = at("session", socialWorker()).body("""
                {"centreId":"%s","name":"旅程测试·老漂族同伴支持小组","kind":"SUPPORT_GROUP","capacity":{"min":5,"max":6},
                 "targetPopulation":"随迁老人（老漂族），人际疏离感较高","facilitators":["%s"],"templateCode":"ADJUSTMENT_6",
                 "schedule":{"firstDate":"2026-09-07","startTime":"09:30","skipDates":["2026-10-05"],
                             "venue":"T社区党群服务中心 二楼活动室","facilitator":"%s"}}"""
                .formatted(centre, FACILITATOR, FACILITATOR))
                .when().post("/api/v1/groups").then().statusCode(201).extract().jsonPath();
        group = UUID.fromString(created.getString("id"));
        assertThat(created.getString("status")).isEqualTo("PLANNING");
        assertThat(created.getString("timeZone")).isEqualTo("Asia/Shanghai");

        JsonPath schedule = at("session", facilitator()).when().get("/api/v1/groups/" + group + "/sessions")
                .then().statusCode(200).extract().jsonPath();
        // six Mondays from 7 September, the National Day week skipped
        List<LocalDate> expectedDays = List.of(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 28), LocalDate.of(2026, 10, 12), LocalDate.of(2026, 10, 19));
        assertThat(schedule.getList("$")).hasSize(6);
        for (int i = 0; i < 6; i++) {
            String session = "[" + i + "].";
            OffsetDateTime startsAt = OffsetDateTime.parse(schedule.getString(session + "startsAt"));
            ZonedDateTime local = startsAt.atZoneSameInstant(SHANGHAI);
            assertThat(schedule.getInt(session + "sequence")).isEqualTo(i + 1);
            assertThat(local.toLocalDate()).isEqualTo(expectedDays.get(i));
            assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(9, 30));
            assertThat(schedule.getString(session + "status")).isEqualTo("SCHEDULED");
            assertThat(schedule.getString(session + "facilitator")).isEqualTo(FACILITATOR);
            assertThat(schedule.getString(session + "phase")).isEqualTo(i < 5 ? "CHANGE" : "CONSOLIDATION");
            sessionIds.add(schedule.getString(session + "id"));
            sessionStarts.add(startsAt);
        }
        assertThat(schedule.getString("[1].theme.zh")).isEqualTo("认知调适");
    }

    @Test
    @Order(5)
    void enrolmentFillsTheSeatsThenTheWaitListInOrder() {
        changeGroupStatus("RECRUITING");
        List<UUID> eligible = IntStream.range(0, participants.size()).filter(i -> sum(SCREENING[i]) >= 21)
                .mapToObj(participants::get).toList();
        assertThat(eligible).hasSize(8);
        for (int i = 0; i < eligible.size(); i++) {
            Response seat = enrol(eligible.get(i));
            assertThat(seat.statusCode()).as(seat.asString()).isEqualTo(201);
            assertThat(seat.jsonPath().getString("status")).isEqualTo(i < 6 ? "ENROLLED" : "WAIT_LISTED");
            if (i >= 6) {
                assertThat(seat.jsonPath().getInt("position")).isEqualTo(i - 5);
            }
        }
        Response refused = enrol(participants.get(8));
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(409);
        assertThat(refused.jsonPath().getString("participantStatus")).isEqualTo("INELIGIBLE");

        // the second member moves away: the first on the wait-list takes the seat, the second moves up
        leaver = eligible.get(1);
        at("session", socialWorker()).queryParam("reason", "MOVED_AWAY")
                .when().delete("/api/v1/groups/" + group + "/members/" + leaver).then().statusCode(204);
        JsonPath roster = at("session", socialWorker()).when().get("/api/v1/groups/" + group + "/members")
                .then().statusCode(200).extract().jsonPath();
        assertThat(roster.getList("enrolled.participantId")).containsExactlyInAnyOrder(
                eligible.get(0).toString(), eligible.get(2).toString(), eligible.get(3).toString(),
                eligible.get(4).toString(), eligible.get(5).toString(), eligible.get(6).toString());
        assertThat(roster.getBoolean("enrolled.find { it.participantId == '" + eligible.get(6) + "' }.fromWaitList"))
                .isTrue();
        assertThat(roster.getList("waitList.participantId")).containsExactly(eligible.get(7).toString());
        assertThat(roster.getInt("waitList[0].position")).isEqualTo(1);
        assertThat(roster.getString("withdrawn.find { it.participantId == '" + leaver + "' }.withdrawalReason"))
                .isEqualTo("MOVED_AWAY");

        members.addAll(List.of(eligible.get(0), eligible.get(2), eligible.get(3), eligible.get(4), eligible.get(5),
                eligible.get(6)));
        stillWaiting = eligible.get(7);
        absentee = members.get(2);
        assertThat(changeGroupStatus("RUNNING").getString("status")).isEqualTo("RUNNING");
    }

    /**
     * The lifecycle says ELIGIBLE → ENROLLED; a person with a seat in a group is ENROLLED in participant-service
     * (which hears of it from member.enrolled.v1), so nobody has to set it by hand.
     */
    @Test
    @Order(6)
    void peopleWhoTookASeatAreEnrolledInParticipantService() {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            for (UUID member : members) {
                assertThat(participant(member).getString("status"))
                        .as("participant-service status of %s, who has a seat in group %s", member, group)
                        .isEqualTo("ENROLLED");
            }
        });
    }

    @Test
    @Order(7)
    void theGroupsCalendarFeedHasTheSixSessionsInShanghaiTime() throws Exception {
        String ics = at("session", facilitator()).when().get("/api/v1/groups/" + group + "/calendar.ics")
                .then().statusCode(200).contentType("text/calendar").extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(6);
        List<VTimeZone> zones = calendar.getComponents(Component.VTIMEZONE);
        assertThat(zones).singleElement().satisfies(zone -> assertThat(
                zone.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Asia/Shanghai"));
        List<ZonedDateTime> starts = new ArrayList<>();
        for (VEvent event : events) {
            var start = event.getDateTimeStart();
            assertThat(start.getParameter(Parameter.TZID).orElseThrow().getValue()).isEqualTo("Asia/Shanghai");
            // ical4j names the zone it built from the feed's VTIMEZONE itself; what counts is the wall-clock time
            ZonedDateTime at = ZonedDateTime.from(start.getDate()).withZoneSameInstant(SHANGHAI);
            assertThat(at.toLocalTime()).isEqualTo(LocalTime.of(9, 30));
            starts.add(at);
        }
        assertThat(starts.stream().map(ZonedDateTime::toInstant).sorted().toList()).containsExactlyElementsOf(
                sessionStarts.stream().map(OffsetDateTime::toInstant).toList());
    }

    @Test
    @Order(8)
    void aMemberAbsentTwiceInARowIsAtRiskInReporting() {
        for (int s = 0; s < 2; s++) {
            StringBuilder entries = new StringBuilder();
            for (UUID member : members) {
                String status = member.equals(absentee) ? "ABSENT" : s == 0 && member.equals(members.get(4)) ? "LATE" : "PRESENT";
                entries.append(entries.isEmpty() ? "" : ",")
                        .append("{\"participantId\":\"%s\",\"status\":\"%s\"}".formatted(member, status));
            }
            String session = sessionIds.get(s);
            at("session", facilitator()).body("{\"entries\":[" + entries + "]}")
                    .when().put("/api/v1/sessions/" + session + "/attendance").then().statusCode(200);
            long version = at("session", facilitator()).when().get("/api/v1/sessions/" + session)
                    .then().statusCode(200).extract().jsonPath().getLong("version");
            at("session", facilitator()).body("{\"version\":" + version + "}")
                    .when().post("/api/v1/sessions/" + session + "/complete").then().statusCode(200)
                    .body("status", equalTo("COMPLETED"));
        }
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath dashboard = at("reporting", socialWorker()).when().get("/api/v1/groups/" + group + "/dashboard")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(dashboard.getList("atRisk.participantId")).containsExactly(absentee.toString());
            assertThat(dashboard.getInt("atRisk[0].consecutiveAbsences")).isEqualTo(2);
            assertThat(dashboard.getInt("atRisk[0].lastSessionSequence")).isEqualTo(2);
            assertThat(dashboard.getBoolean("members.find { it.participantId == '" + absentee + "' }.atRisk")).isTrue();
            // present or late over recorded: 12 recorded, the absentee missed 2
            assertThat(dashboard.getDouble("attendanceRate")).isCloseTo(10 / 12.0, within(1e-9));
            assertThat(dashboard.getString("status")).isEqualTo("RUNNING");
        });
    }

    @Test
    @Order(9)
    void theOutcomeReportShowsThePairedStatisticsOfTheSubmittedAnswers() {
        OffsetDateTime pre = OffsetDateTime.parse("2026-09-07T09:40+08:00");
        OffsetDateTime post = OffsetDateTime.parse("2026-10-19T11:10+08:00");
        for (int i = 0; i < members.size(); i++) {
            UUID member = members.get(i);
            Map<String, Pair> own = new LinkedHashMap<>();
            own.put("ALIENATION-7", new Pair(
                    submit(member, group, "ALIENATION-7", "PRE", pre, ALIENATION_PRE[i]).getDouble("totalScore"),
                    submit(member, group, "ALIENATION-7", "POST", post, ALIENATION_POST[i]).getDouble("totalScore")));
            own.put("UCLA-3", new Pair(
                    submit(member, group, "UCLA-3", "PRE", pre.plusMinutes(10), UCLA_PRE[i]).getDouble("totalScore"),
                    submit(member, group, "UCLA-3", "POST", post.plusMinutes(10), UCLA_POST[i]).getDouble("totalScore")));
            assertThat(own.get("ALIENATION-7")).isEqualTo(new Pair(sum(ALIENATION_PRE[i]), sum(ALIENATION_POST[i])));
            assertThat(own.get("UCLA-3")).isEqualTo(new Pair(sum(UCLA_PRE[i]), sum(UCLA_POST[i])));
            scores.put(member, own);
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertOutcomes(outcomes(analyst()), members));
    }

    @Test
    @Order(10)
    void theCentreAndCityDashboardsCountThem() {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath mine = at("reporting", socialWorker()).when().get("/api/v1/centres/" + centre + "/dashboard")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(mine.getInt("peopleServed")).isEqualTo(9);
            assertThat(mine.getInt("migrants")).isEqualTo((int) PEOPLE.stream().filter(p -> p.movedToCityYear() != null).count());
            assertThat(mine.getInt("byStatus.INELIGIBLE")).isEqualTo(1);
            assertThat(mine.getInt("groupsRunning")).isEqualTo(1);
            assertThat(mine.getInt("peopleInGroups")).isEqualTo(7);
            assertThat(mine.getInt("membership.enrolled")).isEqualTo(6);
            assertThat(mine.getInt("membership.waitListed")).isEqualTo(1);
            assertThat(mine.getInt("membership.withdrawn")).isEqualTo(1);
            assertThat(mine.getInt("withdrawalReasons.MOVED_AWAY")).isEqualTo(1);
            assertThat(mine.getInt("groups[0].sessionsHeld")).isEqualTo(2);
            assertThat(mine.getInt("outcomes.find { it.instrumentCode == 'ALIENATION-7' }.total.nPaired")).isEqualTo(6);

            JsonPath city = city();
            assertThat(city.getInt("centres.find { it.centreId == '" + centre + "' }.peopleServed.value")).isEqualTo(9);
            assertThat(city.getInt("centres.find { it.centreId == '" + centre + "' }.groupsRunning")).isEqualTo(1);
            // one person at the other centre: a small cell, suppressed city-wide
            assertThat(city.getBoolean("centres.find { it.centreId == '" + otherCentre + "' }.peopleServed.suppressed")).isTrue();
            assertThat(city.getString("centres.find { it.centreId == '" + otherCentre + "' }.peopleServed.value")).isNull();
            assertThat(city.getLong("groupsRunning") - cityBefore.getLong("groupsRunning")).isEqualTo(1);
            for (String instrument : List.of("ALIENATION-7", "UCLA-3")) {
                String at = "outcomes.find { it.instrumentCode == '" + instrument + "' }.";
                assertThat(city.getBoolean(at + "suppressed")).as(instrument).isFalse();
                assertThat(city.getLong(at + "nPaired") - pairsBefore(instrument)).as(instrument).isEqualTo(6);
            }
        });
    }

    @Test
    @Order(11)
    void aSocialWorkerOfAnotherCentreSeesNoneOfIt() {
        String other = otherSocialWorker();
        UUID person = members.get(0);
        String session = sessionIds.get(0);
        for (String path : List.of("/api/v1/participants/" + person, "/api/v1/participants/" + person + "/screening-decisions",
                "/api/v1/participants/" + person + "/status-history", "/api/v1/centres/" + centre + "/eligibility-rule")) {
            at("participant", other).when().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        at("participant", other).queryParam("centreId", centre.toString()).when().get("/api/v1/participants")
                .then().statusCode(404);
        assertThat(at("participant", other).when().get("/api/v1/participants").then().statusCode(200).extract()
                .jsonPath().getList("items.id")).containsExactly(neighbour.toString());
        for (String path : List.of("/api/v1/groups/" + group, "/api/v1/groups/" + group + "/members",
                "/api/v1/groups/" + group + "/sessions", "/api/v1/groups/" + group + "/calendar.ics",
                "/api/v1/sessions/" + session, "/api/v1/sessions/" + session + "/attendance")) {
            at("session", other).when().get(path).then().statusCode(404);
        }
        assertThat(at("session", other).when().get("/api/v1/groups").then().statusCode(200).extract()
                .jsonPath().getList("items")).isEmpty();
        at("session", other).body("{\"participantId\":\"" + neighbour + "\"}")
                .when().post("/api/v1/groups/" + group + "/members").then().statusCode(404);
        at("assessment", other).when().get("/api/v1/participants/" + person + "/scores").then().statusCode(404);
        at("assessment", other).when().get("/api/v1/groups/" + group + "/assessment-status").then().statusCode(404);
        for (String path : List.of("/api/v1/centres/" + centre + "/dashboard", "/api/v1/groups/" + group + "/dashboard",
                "/api/v1/groups/" + group + "/outcomes")) {
            at("reporting", other).when().get(path).then().statusCode(404);
        }
        at("reporting", other).when().get("/api/v1/city/dashboard").then().statusCode(403);
        for (String export : List.of("assessments.csv", "outcomes.csv")) {
            String csv = at("reporting", other).when().get("/api/v1/exports/" + export).then().statusCode(200)
                    .extract().asString();
            assertThat(csv).doesNotContain(centre.toString(), group.toString());
            participants.forEach(p -> assertThat(csv).doesNotContain(p.toString()));
        }
    }

    @Test
    @Order(12)
    void anAnalystSeesPseudonymousReportingDataOnlyAndNoParticipantRecords() {
        String analyst = analyst();
        at("participant", analyst).when().get("/api/v1/participants/" + members.get(0)).then().statusCode(403);
        at("participant", analyst).when().get("/api/v1/participants").then().statusCode(403);
        at("session", analyst).when().get("/api/v1/groups/" + group + "/members").then().statusCode(403);
        at("assessment", analyst).when().get("/api/v1/participants/" + members.get(0) + "/scores").then().statusCode(403);

        List<String> bodies = new ArrayList<>();
        for (String path : List.of("/api/v1/groups/" + group + "/outcomes", "/api/v1/groups/" + group + "/dashboard",
                "/api/v1/centres/" + centre + "/dashboard", "/api/v1/city/dashboard",
                "/api/v1/exports/assessments.csv?centreId=" + centre, "/api/v1/exports/outcomes.csv?centreId=" + centre)) {
            bodies.add(at("reporting", analyst).when().get(path).then().statusCode(200).extract().asString());
        }
        for (String body : bodies) {
            assertThat(body).doesNotContain(forbidden()).doesNotContain("fullName", "phone", "birthDate");
        }
        JsonPath outcomes = new JsonPath(bodies.get(0)).using(new JsonPathConfig(NumberReturnType.DOUBLE));
        assertThat(outcomes.getList("instruments[0].total.members.participantId"))
                .containsExactlyInAnyOrderElementsOf(members.stream().map(UUID::toString).toList());
        String assessments = bodies.get(4);
        assertThat(assessments.lines().findFirst().orElseThrow()).startsWith("participant_id,");
        for (UUID member : members) {
            assertThat(assessments).contains(member.toString());
        }
    }

    @Test
    @Order(13)
    void afterAnErasureThePersonIsGoneAndOutOfTheExports() {
        UUID erased = members.get(0);
        at("participant", coordinator()).when().delete("/api/v1/participants/" + erased).then().statusCode(204);
        for (String token : List.of(socialWorker(), coordinator())) {
            int status = at("participant", token).when().get("/api/v1/participants/" + erased).then().extract().statusCode();
            assertThat(status).isIn(404, 410);
        }
        assertThat(at("participant", socialWorker()).queryParam("q", PEOPLE.get(0).name()).when()
                .get("/api/v1/participants").then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
        assertThat(at("participant", socialWorker()).queryParam("q", PEOPLE.get(0).phone()).when()
                .get("/api/v1/participants").then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();

        List<UUID> remaining = members.subList(1, members.size());
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (String export : List.of("assessments.csv", "outcomes.csv")) {
                String csv = at("reporting", analyst()).queryParam("centreId", centre.toString())
                        .when().get("/api/v1/exports/" + export).then().statusCode(200).extract().asString();
                assertThat(csv).as(export).doesNotContain(erased.toString()).contains(remaining.get(0).toString());
            }
            assertOutcomes(outcomes(analyst()), remaining);
            JsonPath city = city();
            assertThat(city.getInt("centres.find { it.centreId == '" + centre + "' }.peopleServed.value")).isEqualTo(8);
        });
        // the freed seat goes to the one still waiting
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonPath roster = at("session", socialWorker()).when().get("/api/v1/groups/" + group + "/members")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(roster.getList("enrolled.participantId")).doesNotContain(erased.toString())
                    .contains(stillWaiting.toString());
            assertThat(roster.getList("waitList")).isEmpty();
        });
    }

    /** Last, so that it covers every record the journey (and the demo) produced. */
    @Test
    @Order(90)
    void noNameOrPhoneNumberAppearsInAnyTopicOrInTheReportingDatabase() throws Exception {
        String[] forbidden = forbidden();
        for (String topic : Topics.ALL) {
            var records = Broker.readAll(system.kafka(), topic);
            assertThat(records).as(topic).isNotEmpty();
            records.forEach(r -> assertThat(r.value()).as("record on " + topic).doesNotContain(forbidden));
        }
        try (Connection c = DriverManager.getConnection(system.jdbcUrl("reporting"), "postgres", "postgres");
                ResultSet tables = c.getMetaData().getTables(null, "public", "%", new String[] { "TABLE" })) {
            int scanned = 0;
            while (tables.next()) {
                String table = tables.getString("TABLE_NAME");
                try (ResultSet rows = c.createStatement().executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            assertThat(String.valueOf(rows.getObject(i))).as(table).doesNotContain(forbidden);
                        }
                    }
                }
                scanned++;
            }
            assertThat(scanned).isPositive();
        }
    }

    // ---- the outcome report against our own computation --------------------------------------------------------

    private static void assertOutcomes(JsonPath outcomes, List<UUID> paired) {
        for (String instrument : List.of("ALIENATION-7", "UCLA-3")) {
            List<Pair> pairs = paired.stream().map(m -> scores.get(m).get(instrument)).toList();
            PairedStatistics expected = PairedStatistics.of(pairs);
            String at = "instruments.find { it.instrumentCode == '" + instrument + "' }.total.";
            assertThat(outcomes.getInt(at + "nPaired")).as(instrument).isEqualTo(expected.n());
            assertThat(outcomes.getDouble(at + "preMean")).as(instrument).isCloseTo(expected.preMean(), within(1e-9));
            assertThat(outcomes.getDouble(at + "postMean")).as(instrument).isCloseTo(expected.postMean(), within(1e-9));
            assertThat(outcomes.getDouble(at + "meanChange")).as(instrument).isCloseTo(expected.meanChange(), within(1e-9));
            assertThat(outcomes.getDouble(at + "changeSd")).as(instrument).isCloseTo(expected.changeSd(), within(1e-9));
            assertThat(outcomes.getDouble(at + "tTest.t")).as(instrument).isCloseTo(expected.t(), within(1e-9));
            assertThat(outcomes.getInt(at + "tTest.df")).as(instrument).isEqualTo(expected.df());
            assertThat(outcomes.getDouble(at + "tTest.p")).as(instrument).isCloseTo(expected.p(), within(1e-9));
            for (UUID member : paired) {
                String row = at + "members.find { it.participantId == '" + member + "' }.";
                assertThat(outcomes.getDouble(row + "pre")).isEqualTo(scores.get(member).get(instrument).pre());
                assertThat(outcomes.getDouble(row + "post")).isEqualTo(scores.get(member).get(instrument).post());
            }
            if (instrument.equals("UCLA-3")) { // published reliability 0.72; lower is better
                assertThat(outcomes.getLong(at + "improved")).as(instrument)
                        .isEqualTo(PairedStatistics.reliablyImproved(pairs, 0.72, true));
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static UUID createCentre(String name) {
        String id = at("participant", coordinator()).body("{\"name\":\"" + name + "\",\"district\":\"天河区\"}")
                .when().post("/api/v1/centres").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private static JsonPath register(String token, UUID centre, Person p, boolean withContact) {
        String migration = p.movedToCityYear() == null ? ""
                : ",\"movedToCityYear\":%d,\"moveReason\":\"CARING_FOR_GRANDCHILDREN\",\"hometown\":{\"province\":\"湖南省\",\"city\":\"衡阳市\"}"
                        .formatted(p.movedToCityYear());
        String contact = withContact
                ? ",\"emergencyContact\":{\"name\":\"%s\",\"relation\":\"女儿\",\"phone\":\"%s\"}".formatted(CONTACT_NAME, CONTACT_PHONE)
                : "";
        return at("participant", token).body("""
                {"centreId":"%s","fullName":"%s","gender":"%s","birthDate":"%s","phone":"%s","livingSituation":"%s",
                 "neighbourhood":"天河北社区","referralSource":"COMMUNITY_WORKER"%s%s}"""
                .formatted(centre, p.name(), p.gender(), p.birthDate(), p.phone(), p.livingSituation(), migration, contact))
                .when().post("/api/v1/participants").then().statusCode(201).extract().jsonPath();
    }

    /** Submits a form; retries while assessment-service has not yet heard of the person (their event is on its way). */
    private static JsonPath submit(UUID participant, UUID group, String instrument, String phase, OffsetDateTime at,
            int[] answers) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < answers.length; i++) {
            items.append(i == 0 ? "" : ",").append("\"").append(i + 1).append("\":").append(answers[i]);
        }
        String body = """
                {"participantId":"%s","groupId":%s,"instrumentCode":"%s","phase":"%s","mode":"INTERVIEWER",
                 "administeredAt":"%s","answers":{%s}}"""
                .formatted(participant, group == null ? "null" : "\"" + group + "\"", instrument, phase, at, items);
        Response response = eventually(() -> at("assessment", socialWorker()).body(body)
                .when().post("/api/v1/administrations"), r -> r.statusCode() == 404);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        return response.jsonPath();
    }

    /** Asks for a seat; retries while session-service has not yet heard that the person was screened. */
    private static Response enrol(UUID participant) {
        return eventually(() -> at("session", socialWorker()).body("{\"participantId\":\"" + participant + "\"}")
                .when().post("/api/v1/groups/" + group + "/members"),
                r -> r.statusCode() == 400 || r.statusCode() == 404 || r.statusCode() == 409
                        && Set.of("REFERRED", "SCREENING").contains(r.jsonPath().getString("participantStatus")));
    }

    private static JsonPath changeGroupStatus(String status) {
        long version = at("session", socialWorker()).when().get("/api/v1/groups/" + group).then().statusCode(200)
                .extract().jsonPath().getLong("version");
        return at("session", socialWorker()).body("{\"status\":\"%s\",\"version\":%d}".formatted(status, version))
                .when().post("/api/v1/groups/" + group + "/status").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath participant(UUID id) {
        return at("participant", socialWorker()).when().get("/api/v1/participants/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath outcomes(String token) {
        return at("reporting", token).when().get("/api/v1/groups/" + group + "/outcomes").then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath city() {
        return at("reporting", analyst()).when().get("/api/v1/city/dashboard").then().statusCode(200).extract().jsonPath();
    }

    private static long pairsBefore(String instrument) {
        Object n = cityBefore.get("outcomes.find { it.instrumentCode == '" + instrument + "' }.nPaired");
        return n == null ? 0 : ((Number) n).longValue();
    }

    private static Response eventually(Callable<Response> call, Predicate<Response> notYet) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(call, notYet.negate());
    }

    private static String[] forbidden() {
        List<String> values = new ArrayList<>(List.of(CONTACT_NAME, CONTACT_PHONE, NEIGHBOUR.name(), NEIGHBOUR.phone()));
        PEOPLE.forEach(p -> values.addAll(List.of(p.name(), p.phone())));
        return values.toArray(String[]::new);
    }

    private static double sum(int[] answers) {
        return IntStream.of(answers).sum();
    }
}

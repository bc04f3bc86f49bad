package org.peercircle.session.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.peercircle.session.Api.as;
import static org.peercircle.session.Api.assertProblem;
import static org.peercircle.session.Api.createGroup;
import static org.peercircle.session.Api.templateGroupBody;
import static org.peercircle.session.Api.unique;

import java.io.StringReader;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.peercircle.platform.security.Roles;
import org.peercircle.session.Api;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;

/** The iCalendar feeds, fetched through REST and parsed back with ical4j as a calendar app would. */
@QuarkusTest
class CalendarFeedTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void theGroupFeedHasOneStableEventPerSessionInTheGroupsTimeZone() throws Exception {
        UUID centre = UUID.randomUUID();
        String token = Api.worker(centre);
        String room = unique("活动室");
        UUID group = createGroup(token, templateGroupBody(centre, "ADJUSTMENT_6", "2027-07-05", room, unique("wang"), ""));
        List<String> sessions = Api.sessionIds(token, group);

        Calendar before = fetch(token, "/api/v1/groups/" + group + "/calendar.ics");
        assertThat(before.validate().hasErrors()).isFalse();
        List<VTimeZone> zones = before.getComponents(Component.VTIMEZONE);
        assertThat(zones).singleElement().satisfies(tz -> assertThat(
                tz.getProperty(Property.TZID).orElseThrow().getValue()).isEqualTo("Asia/Shanghai"));
        Map<String, VEvent> events = byUid(before);
        assertThat(events.keySet()).containsExactlyInAnyOrderElementsOf(
                sessions.stream().map(id -> id + "@session.peercircle").toList());
        VEvent first = events.get(sessions.get(0) + "@session.peercircle");
        assertThat(start(first)).isEqualTo(ZonedDateTime.of(2027, 7, 5, 9, 30, 0, 0, SHANGHAI).toInstant());
        assertThat(first.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Asia/Shanghai");
        assertThat(first.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo(room);
        assertThat(first.getProperty(Property.SUMMARY).orElseThrow().getValue()).contains("相识与开启");
        assertThat(first.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CONFIRMED");

        as(token).body("{\"reason\":\"台风停课\",\"version\":0}").when()
                .post("/api/v1/sessions/" + sessions.get(1) + "/cancel").then().statusCode(200);
        as(token).body("""
                {"startsAt":"2027-08-17T14:00:00+08:00","endsAt":"2027-08-17T15:30:00+08:00","reason":"改到下午","version":0}""")
                .when().post("/api/v1/sessions/" + sessions.get(2) + "/reschedule").then().statusCode(200);

        Map<String, VEvent> after = byUid(fetch(token, "/api/v1/groups/" + group + "/calendar.ics"));
        assertThat(after.keySet()).isEqualTo(events.keySet());
        VEvent cancelled = after.get(sessions.get(1) + "@session.peercircle");
        assertThat(cancelled.getProperty(Property.STATUS).orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(cancelled.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        VEvent moved = after.get(sessions.get(2) + "@session.peercircle");
        assertThat(start(moved)).isEqualTo(ZonedDateTime.of(2027, 8, 17, 14, 0, 0, 0, SHANGHAI).toInstant());
        assertThat(moved.getProperty(Property.SEQUENCE).orElseThrow().getValue()).isEqualTo("1");
        assertThat(after.get(sessions.get(0) + "@session.peercircle").getProperty(Property.SEQUENCE).orElseThrow()
                .getValue()).isEqualTo("0");
    }

    @Test
    void aFacilitatorFeedShowsTheSessionsTheyLeadAndOnlyTheirOwn() throws Exception {
        UUID centre = UUID.randomUUID();
        String wang = unique("wang");
        String li = unique("li");
        UUID wangsGroup = createGroup(Api.worker(centre),
                templateGroupBody(centre, "SPIRITUAL_COMFORT_8", "2027-09-01", unique("室"), wang, ""));
        createGroup(Api.worker(centre), templateGroupBody(centre, "ADJUSTMENT_6", "2027-09-01", unique("室"), li, ""));

        String wangsToken = Tokens.forSubject(wang, Roles.FACILITATOR, centre);
        Calendar feed = fetch(wangsToken, "/api/v1/facilitators/" + wang + "/calendar.ics");
        assertThat(feed.validate().hasErrors()).isFalse();
        assertThat(byUid(feed).keySet()).containsExactlyInAnyOrderElementsOf(Api.sessionIds(wangsToken, wangsGroup)
                .stream().map(id -> id + "@session.peercircle").toList()).hasSize(8);

        assertProblem(as(wangsToken).when().get("/api/v1/facilitators/" + li + "/calendar.ics").then(), 404);
        assertThat(byUid(fetch(Api.worker(centre), "/api/v1/facilitators/" + li + "/calendar.ics"))).hasSize(6);
        assertThat(byUid(fetch(Api.worker(UUID.randomUUID()), "/api/v1/facilitators/" + li + "/calendar.ics"))).isEmpty();
    }

    private static Calendar fetch(String token, String path) throws Exception {
        String body = as(token).when().get(path).then().statusCode(200).contentType("text/calendar").extract().asString();
        return new CalendarBuilder().build(new StringReader(body));
    }

    private static Map<String, VEvent> byUid(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return events.stream().collect(Collectors.toMap(e -> e.getProperty(Property.UID).orElseThrow().getValue(),
                Function.identity()));
    }

    private static java.time.Instant start(VEvent event) {
        Temporal t = event.getDateTimeStart().getDate();
        return ZonedDateTime.from(t).toInstant();
    }
}

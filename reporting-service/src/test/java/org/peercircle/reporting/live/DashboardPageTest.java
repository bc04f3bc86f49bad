package org.peercircle.reporting.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.peercircle.reporting.Fixtures.T0;

import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.session.MemberAtRisk;
import org.peercircle.contracts.session.SessionScheduled;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.Fixtures;
import org.peercircle.testing.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The web dashboard in real headless Chromium: the group view shows the outcome in words and the slope chart and
 * heat map with the figures of the events published, switches to English, and shows a newly completed assessment
 * without being reloaded.
 */
@QuarkusTest
class DashboardPageTest {

    private static final String SENTENCE = "return (document.getElementById('sentence-UCLA-LS3-TOTAL') || {}).textContent || null";
    private static final String SLOPES = "return document.querySelectorAll('#slope-UCLA-LS3-TOTAL line.slope').length";

    @TestHTTPResource("/")
    URL base;

    private final UUID centre = UUID.randomUUID();
    private final UUID group = UUID.randomUUID();

    @Test
    void groupViewShowsTheFiguresAndUpdatesLive() throws Exception {
        List<UUID> m = Fixtures.ids(7);
        double[] pre = { 50, 46, 52, 44, 48, 55 };
        double[] post = { 45.4, 46.4, 48.9, 42.9, 45.4, 53.4 };
        Fixtures.group(group, centre, "老漂族互助小组");
        for (UUID member : m) {
            Fixtures.enrol(group, centre, member);
        }
        for (int i = 0; i < pre.length; i++) {
            score(m.get(i), "PRE", pre[i], 0);
            score(m.get(i), "POST", post[i], 42);
        }
        score(m.get(6), "PRE", 50.0, 0);
        UUID s1 = UUID.randomUUID();
        UUID s2 = UUID.randomUUID();
        session(s1, 1, "认知调适");
        session(s2, 2, "娱乐调适");
        Map<UUID, String> first = new LinkedHashMap<>();
        Map<UUID, String> second = new LinkedHashMap<>();
        String[] s2Status = { "PRESENT", "LATE", "ABSENT", "EXCUSED", "PRESENT", "PRESENT", "ABSENT" };
        for (int i = 0; i < 7; i++) {
            first.put(m.get(i), i == 2 ? "ABSENT" : "PRESENT");
            second.put(m.get(i), s2Status[i]);
        }
        Fixtures.publish(EventTypes.ATTENDANCE_RECORDED, group, Fixtures.attendance(group, centre, s1, 1, first));
        Fixtures.publish(EventTypes.ATTENDANCE_RECORDED, group, Fixtures.attendance(group, centre, s2, 2, second));
        Fixtures.publish(EventTypes.MEMBER_AT_RISK, group, new MemberAtRisk(group, centre, m.get(2), 2, s2, T0.plusDays(8)));

        String token = Tokens.of(Roles.FACILITATOR, centre);
        double p = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> given().auth().oauth2(token)
                .when().get("/api/v1/groups/" + group + "/outcomes").then().statusCode(200)
                .extract().jsonPath().getDouble("instruments[0].total.tTest.p"), v -> v != null);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(token)
                .when().get("/api/v1/groups/" + group + "/dashboard").then().statusCode(200)
                .extract().jsonPath().getList("atRisk").size() == 1);
        // t = -2.1·sqrt(2) on 5 df: 0.02 < p < 0.05, printed as 0.03
        assertThat(p).isBetween(0.025, 0.035);

        try (WebDriverSession browser = WebDriverSession.start()) {
            browser.open(base + "dashboard#token=" + token + "&view=group&id=" + group);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> browser.text(SENTENCE), "孤独感平均下降 2.1 分，p = 0.03，效应量大"::equals);
            // the token left the address bar
            assertThat(browser.text("return location.href")).doesNotContain("token=");

            // slope chart: one line per paired member with its pre and post score, 3 of them reliably improved
            assertThat(browser.execute(SLOPES).asInt()).isEqualTo(6);
            for (int i = 0; i < pre.length; i++) {
                String line = "var l = document.querySelector('#slope-UCLA-LS3-TOTAL line.slope[data-participant=\"'"
                        + " + arguments[0] + '\"]'); return l.getAttribute('data-pre') + ' ' + l.getAttribute('data-post')";
                assertThat(browser.text(line, m.get(i).toString())).isEqualTo(number(pre[i]) + " " + number(post[i]));
            }
            assertThat(browser.execute("return document.querySelectorAll('#slope-UCLA-LS3-TOTAL line.RELIABLY_IMPROVED').length")
                    .asInt()).isEqualTo(3);
            assertThat(browser.text("return document.querySelector('#slope-UCLA-LS3-TOTAL line.mean').getAttribute('data-post')"))
                    .startsWith("47.06"); // mean after: 282.4 / 6
            assertThat(browser.text("return document.querySelector('.outcome .detail').textContent"))
                    .isEqualTo("6 人有前后测，3 人可靠改善，3 人无可靠变化，0 人可靠恶化");

            // heat map: members × sessions with the recorded statuses
            for (int i = 0; i < 7; i++) {
                String cells = "return Array.from(document.querySelectorAll('#heatmap tr[data-participant=\"' + arguments[0]"
                        + " + '\"] td.cell')).map(function (c) { return c.getAttribute('data-status'); }).join(',')";
                assertThat(browser.text(cells, m.get(i).toString())).isEqualTo(first.get(m.get(i)) + "," + s2Status[i]);
            }
            assertThat(browser.text("return document.getElementById('at-risk').textContent"))
                    .contains(m.get(2).toString().substring(0, 8)).contains("连续缺席 2 次");

            // English, on the same page
            browser.execute("window.__samePage = 'yes'; document.getElementById('lang').click();");
            await().atMost(Duration.ofSeconds(15)).ignoreExceptions().until(() -> browser.text(SENTENCE),
                    "loneliness fell by 2.1 points on average, p = 0.03, large effect"::equals);
            await().atMost(Duration.ofSeconds(30)).until(() -> browser.execute("return window.__dashboard.liveConnected")
                    .asBoolean());

            // a newly completed assessment arrives through the broker and shows without a reload
            score(m.get(6), "POST", 47.0, 42);
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> browser.execute(SLOPES).asInt() == 7);
            assertThat(browser.text(SENTENCE)).startsWith("loneliness fell by 2.2 points on average");
            assertThat(browser.text("var l = document.querySelector('#slope-UCLA-LS3-TOTAL line.slope[data-participant=\"'"
                    + " + arguments[0] + '\"]'); return l.getAttribute('data-pre') + ' ' + l.getAttribute('data-post')",
                    m.get(6).toString())).isEqualTo("50 47");
            assertThat(browser.text("return window.__samePage")).isEqualTo("yes");
        }
    }

    @Test
    void thePageIsServedWithoutAnyExternalResource() {
        String html = given().when().get("/dashboard").then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains("/dashboard/app.js").doesNotContain("http://", "https://");
        for (String file : List.of("app.js", "charts.js", "i18n.js", "dashboard.css")) {
            String body = given().when().get("/dashboard/" + file).then().statusCode(200).extract().asString();
            assertThat(body).as(file).doesNotContain("http://", "https://", "//cdn");
        }
        given().when().get("/api/v1/live").then().statusCode(401);
    }

    private void score(UUID participant, String phase, double total, int day) {
        Fixtures.completed(Fixtures.scored(UUID.randomUUID(), 0, participant, centre, group, "UCLA-LS3", phase,
                T0.plusDays(day), total, null, true, 0.875, 2.0));
    }

    private void session(UUID id, int sequence, String theme) {
        Fixtures.publish(EventTypes.SESSION_SCHEDULED, group, new SessionScheduled(group, centre, id, sequence, theme,
                "CHANGE", T0.plusDays(7L * sequence), T0.plusDays(7L * sequence).plusHours(2), "SCHEDULED"));
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}

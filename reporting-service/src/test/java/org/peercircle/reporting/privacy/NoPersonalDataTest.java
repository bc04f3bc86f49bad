package org.peercircle.reporting.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.Cohort.AgeBand;
import org.peercircle.contracts.Cohort.LivingSituation;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.Fixtures;
import org.peercircle.testing.Tokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reporting database can hold no personal data: no column is named like personal data, every text column is
 * either a code or one of the reviewed labels, and no stored text looks like a phone number, an identity card
 * number or an e-mail address. Runs over whatever the other tests of this module have put in the database.
 */
@QuarkusTest
class NoPersonalDataTest {

    private static final Pattern PERSONAL_COLUMN = Pattern.compile(
            ".*(name|phone|mobile|address|note|comment|birth|id_card|identity|email|wechat|contact|remark|free_text).*");
    /** Text columns whose values are staff-chosen labels of a group or session, reviewed: not about a person. */
    private static final Set<String> LABELS = Set.of("support_group.title", "group_session.theme");
    /** Rebuild bookkeeping: a Java exception message, never event content. */
    private static final Set<String> DIAGNOSTICS = Set.of("rebuild_run.failure");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]*");
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)|(?<!\\d)0\\d{2,3}-?\\d{7,8}(?!\\d)");
    private static final Pattern ID_CARD = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noColumnIsNamedLikePersonalData() throws Exception {
        List<String> columns = columns("");
        assertThat(columns).isNotEmpty();
        assertThat(columns).filteredOn(c -> PERSONAL_COLUMN.matcher(c.substring(c.indexOf('.') + 1)).matches())
                .isEmpty();
    }

    @Test
    void textColumnsHoldCodesOrReviewedLabelsAndNothingLooksPersonal() throws Exception {
        // at least one event of each topic, so that the scan has something to read even when run alone
        UUID centre = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        UUID person = UUID.randomUUID();
        Fixtures.register(person, centre, AgeBand.AGE_70_79, LivingSituation.ALONE, true);
        Fixtures.group(group, centre, "独居长者精神慰藉互助小组");
        Fixtures.completed(Fixtures.scored(UUID.randomUUID(), 0, person, centre, group, "UCLA-LS3", "PRE", Fixtures.T0,
                40.0, Map.of("EMOTIONAL", 20.0), true, 0.9, 8.0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.of(Roles.COORDINATOR))
                .when().get("/api/v1/centres/" + centre + "/dashboard").then().statusCode(200)
                .body("peopleServed", equalTo(1)).body("groups.size()", equalTo(1)));
        List<String> textColumns = columns(" AND data_type IN ('text', 'character varying', 'jsonb', 'json')");
        int scanned = 0;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String column : textColumns) {
                String table = column.substring(0, column.indexOf('.'));
                String name = column.substring(column.indexOf('.') + 1);
                if (table.startsWith("flyway")) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("SELECT DISTINCT " + name + "::text FROM " + table
                        + " WHERE " + name + " IS NOT NULL")) {
                    while (rs.next()) {
                        String value = rs.getString(1);
                        scanned++;
                        assertThat(PHONE.matcher(value).find()).as("phone number in %s: %s", column, value).isFalse();
                        assertThat(ID_CARD.matcher(value).find()).as("identity number in %s: %s", column, value).isFalse();
                        assertThat(EMAIL.matcher(value).find()).as("e-mail address in %s: %s", column, value).isFalse();
                        boolean json = value.startsWith("{") || value.startsWith("[");
                        if (!json && !LABELS.contains(column) && !DIAGNOSTICS.contains(column)) {
                            assertThat(value).as("%s holds codes only", column).matches(CODE);
                        }
                    }
                }
            }
        }
        assertThat(scanned).as("values scanned").isPositive();
    }

    private List<String> columns(String condition) throws Exception {
        List<String> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name, column_name FROM information_schema.columns "
                        + "WHERE table_schema = 'public'" + condition + " ORDER BY 1, 2")) {
            while (rs.next()) {
                result.add(rs.getString(1) + "." + rs.getString(2));
            }
        }
        return result;
    }
}

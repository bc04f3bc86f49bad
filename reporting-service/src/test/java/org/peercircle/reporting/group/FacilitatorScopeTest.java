package org.peercircle.reporting.group;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.peercircle.reporting.Fixtures.T0;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.peercircle.contracts.EventTypes;
import org.peercircle.contracts.session.GroupUpdated;
import org.peercircle.platform.security.Roles;
import org.peercircle.reporting.Csv;
import org.peercircle.reporting.Fixtures;
import org.peercircle.testing.Tokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A facilitator reads the reporting of the groups they run, as group.created.v1 and group.updated.v1 name them;
 * another group of the same centre answers 404 to them (and only to them: a social worker sees both).
 */
@QuarkusTest
class FacilitatorScopeTest {

    private final UUID centre = UUID.randomUUID();
    private final UUID wangsGroup = UUID.randomUUID();
    private final UUID lisGroup = UUID.randomUUID();
    private final String wang = Tokens.forSubject("wang.facilitator", Roles.FACILITATOR, centre);
    private final String worker = Tokens.of(Roles.SOCIAL_WORKER, centre);

    @Test
    void aFacilitatorSeesTheirOwnGroupsAndFollowsChangesOfFacilitators() {
        Fixtures.group(wangsGroup, centre, "王老师的老漂族小组", List.of("wang.facilitator", "zhao.facilitator"));
        Fixtures.group(lisGroup, centre, "李老师的独居长者小组", List.of("li.facilitator"));
        UUID member = UUID.randomUUID();
        for (UUID group : List.of(wangsGroup, lisGroup)) {
            Fixtures.completed(Fixtures.scored(UUID.randomUUID(), 0, member, centre, group, "UCLA-LS3", "PRE", T0, 50.0,
                    null, true, 0.9, 8.0));
            Fixtures.completed(Fixtures.scored(UUID.randomUUID(), 0, member, centre, group, "UCLA-LS3", "POST",
                    T0.plusDays(42), 40.0, null, true, 0.9, 8.0));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(exported(worker)).hasSize(4);
            assertThat(centreGroups(worker)).hasSize(2);
        });

        outcomes(wang, wangsGroup, 200);
        dashboard(wang, wangsGroup, 200);
        outcomes(wang, lisGroup, 404);
        dashboard(wang, lisGroup, 404);
        outcomes(worker, lisGroup, 200);
        assertThat(exported(wang)).extracting(r -> r.get("group_id")).containsOnly(wangsGroup.toString()).hasSize(2);
        given().auth().oauth2(wang).when().get("/api/v1/exports/outcomes.csv?groupId=" + lisGroup)
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(centreGroups(wang)).containsExactly(wangsGroup.toString());
        assertThat(centreGroups(worker)).containsExactlyInAnyOrder(wangsGroup.toString(), lisGroup.toString());

        // Wang takes over Li's group and hands his own to Zhao; an update older than the one applied changes nothing
        Fixtures.publish(EventTypes.GROUP_UPDATED, lisGroup, updated(lisGroup, List.of("wang.facilitator"), 2));
        Fixtures.publish(EventTypes.GROUP_UPDATED, wangsGroup, updated(wangsGroup, List.of("zhao.facilitator"), 1));
        Fixtures.publish(EventTypes.GROUP_UPDATED, lisGroup, updated(lisGroup, List.of("li.facilitator"), 1));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            outcomes(wang, lisGroup, 200);
            outcomes(wang, wangsGroup, 404);
        });
        assertThat(exported(wang)).extracting(r -> r.get("group_id")).containsOnly(lisGroup.toString());
        outcomes(Tokens.forSubject("li.facilitator", Roles.FACILITATOR, centre), lisGroup, 404);
        outcomes(Tokens.forSubject("zhao.facilitator", Roles.FACILITATOR, centre), wangsGroup, 200);
        // the name comes from the newest update, the kind still from group.created.v1; the figures are untouched
        given().auth().oauth2(wang).when().get("/api/v1/groups/" + lisGroup + "/dashboard").then()
                .body("title", equalTo("改名后的小组")).body("kind", equalTo("SUPPORT"));
        given().auth().oauth2(wang).when().get("/api/v1/groups/" + lisGroup + "/outcomes").then()
                .body("instruments[0].total.nPaired", equalTo(1));
        // a facilitator of another centre does not see the group even if named in it
        outcomes(Tokens.forSubject("wang.facilitator", Roles.FACILITATOR, UUID.randomUUID()), lisGroup, 404);
    }

    private GroupUpdated updated(UUID group, List<String> facilitators, long version) {
        return new GroupUpdated(group, centre, "改名后的小组", 5, 12, facilitators, version, OffsetDateTime.now());
    }

    private static void outcomes(String token, UUID group, int status) {
        given().auth().oauth2(token).when().get("/api/v1/groups/" + group + "/outcomes").then().statusCode(status);
    }

    private static void dashboard(String token, UUID group, int status) {
        given().auth().oauth2(token).when().get("/api/v1/groups/" + group + "/dashboard").then().statusCode(status);
    }

    private List<Map<String, String>> exported(String token) {
        return Csv.parse(given().auth().oauth2(token).when().get("/api/v1/exports/assessments.csv?centreId=" + centre)
                .then().statusCode(200).extract().asString());
    }

    private List<String> centreGroups(String token) {
        return given().auth().oauth2(token).when().get("/api/v1/centres/" + centre + "/dashboard").then()
                .statusCode(200).extract().jsonPath().getList("groups.groupId");
    }
}

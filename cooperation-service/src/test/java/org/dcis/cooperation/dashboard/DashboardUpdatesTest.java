package org.dcis.cooperation.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.cooperation.support.Cases.with;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.dcis.cooperation.support.Directory;
import org.dcis.cooperation.support.PostEvents;
import org.dcis.cooperation.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The dashboard follows the writes: each write is in the figures of the very next read (same transaction, no
 * waiting); the day of a case or an action is a Paris calendar date; network coverage comes from the registry's
 * events (counts by force and role, never names).
 */
@QuarkusTest
class DashboardUpdatesTest {
    @Inject
    TestClock clock;

    private String tag;

    @BeforeEach
    void posts() {
        Directory.standardPosts();
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void systemTimeAgain() {
        clock.reset();
    }

    private static JsonPath summary(String from, String to, String status) {
        var request = as(ANALYST).queryParam("from", from).queryParam("to", to).queryParam("post", "SN-DAKAR");
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.get("/dashboard/summary").then().statusCode(200).extract().jsonPath();
    }

    private static long figure(JsonPath summary, String name) {
        return summary.getLong("rows[0]." + name);
    }

    @Test
    void aWriteIsInTheFiguresOfTheNextRead() {
        String from = "1998-03-01";
        String to = "1998-03-31";
        JsonPath before = summary(from, to, null);
        long cases = figure(before, "cases");
        long actions = figure(before, "actions");
        long cancelled = figure(before, "cancelledActions");
        long closed = figure(summary(from, to, "CLOSED"), "cases");

        String caseId = as(DAKAR).body(with(bilateral("Updates " + tag, "SN-DAKAR", "SN"), "openedOn", "1998-03-02"))
                .post("/cases").then().statusCode(201).extract().path("id");
        assertThat(figure(summary(from, to, null), "cases")).isEqualTo(cases + 1);

        String first = as(DAKAR).body(with(with(action("First " + tag), "plannedStart", "1998-03-05"), "plannedEnd", null))
                .post("/cases/" + caseId + "/actions").then().statusCode(201).extract().path("id");
        JsonPath logged = summary(from, to, null);
        assertThat(figure(logged, "actions")).isEqualTo(actions + 1);
        assertThat(figure(logged, "partnerOfficersTrained")).isEqualTo(figure(before, "partnerOfficersTrained") + 18);

        as(DAKAR).header("If-Match", "\"1\"").body(Map.of("status", "CANCELLED", "reason", "Postponed sine die"))
                .post("/actions/" + first + "/status").then().statusCode(200);
        JsonPath afterCancel = summary(from, to, null);
        assertThat(figure(afterCancel, "actions")).isEqualTo(actions);
        assertThat(figure(afterCancel, "cancelledActions")).isEqualTo(cancelled + 1);
        assertThat(figure(afterCancel, "partnerOfficersTrained")).isEqualTo(figure(before, "partnerOfficersTrained"));

        String second = as(DAKAR).body(with(with(action("Second " + tag), "plannedStart", "1998-03-20"), "plannedEnd", null))
                .post("/cases/" + caseId + "/actions").then().statusCode(201).extract().path("id");
        assertThat(figure(summary(from, to, null), "actions")).isEqualTo(actions + 1);
        // revised into April: out of March, into April
        as(DAKAR).header("If-Match", "\"1\"").body(with(with(action("Second " + tag), "plannedStart", "1998-04-02"),
                "plannedEnd", null)).put("/actions/" + second).then().statusCode(200);
        assertThat(figure(summary(from, to, null), "actions")).isEqualTo(actions);
        assertThat(figure(summary("1998-04-02", "1998-04-02", null), "actions")).isEqualTo(1);

        // moved in progress on 10 March: it belongs to its actual start from now on
        as(DAKAR).header("If-Match", "\"2\"").body(Map.of("status", "IN_PROGRESS", "on", "1998-03-10"))
                .post("/actions/" + second + "/status").then().statusCode(200);
        assertThat(figure(summary(from, to, null), "actions")).isEqualTo(actions + 1);
        assertThat(figure(summary("1998-04-02", "1998-04-02", null), "actions")).isZero();

        as(DAKAR).header("If-Match", "\"1\"").body(Map.of("closedOn", "1998-05-01")).post("/cases/" + caseId + "/close")
                .then().statusCode(200);
        assertThat(figure(summary(from, to, "CLOSED"), "cases")).isEqualTo(closed + 1);
        assertThat(figure(summary(from, to, "CLOSED"), "actions")).isEqualTo(1);
        assertThat(figure(summary(from, to, null), "cases")).isEqualTo(cases + 1);
    }

    @Test
    void aWriteThatFailsChangesNoFigure() {
        String caseId = as(DAKAR).body(with(bilateral("Refused " + tag, "SN-DAKAR", "SN"), "openedOn", "1998-06-02"))
                .post("/cases").then().statusCode(201).extract().path("id");
        JsonPath before = summary("1998-06-01", "1998-06-30", null);
        // a revision refused by the domain after the figures were withdrawn: the transaction rolls back, figures stay
        as(DAKAR).header("If-Match", "\"1\"").body(with(with(bilateral("Refused " + tag, "SN-DAKAR", "SN"), "openedOn",
                "1998-06-02"), "speciality", "JUDICIAL_INVESTIGATION")).put("/cases/" + caseId).then().statusCode(422);
        assertThat(summary("1998-06-01", "1998-06-30", null).getMap("rows[0]")).isEqualTo(before.getMap("rows[0]"));
        assertThat(figure(before, "cases")).isEqualTo(1);
    }

    @Test
    void theDayIsTheParisCalendarDate() {
        // 00:30 on 28 March 1999 in Paris, still the 27th in UTC
        clock.fixAt(Instant.parse("1999-03-27T23:30:00Z"));
        String caseId = as(DAKAR).body(with(bilateral("Paris day " + tag, "SN-DAKAR", "SN"), "openedOn", null))
                .post("/cases").then().statusCode(201).extract().path("id");
        String actionId = as(DAKAR).body(with(with(action("Paris day " + tag), "plannedStart", "1999-03-20"), "plannedEnd", null))
                .post("/cases/" + caseId + "/actions").then().statusCode(201).extract().path("id");
        as(DAKAR).header("If-Match", "\"1\"").body(Map.of("status", "IN_PROGRESS")).post("/actions/" + actionId + "/status")
                .then().statusCode(200);
        clock.reset();
        assertThat(figure(summary("1999-03-27", "1999-03-27", null), "cases")).isZero();
        assertThat(figure(summary("1999-03-28", "1999-03-28", null), "cases")).isEqualTo(1);
        assertThat(figure(summary("1999-03-20", "1999-03-27", null), "actions")).isZero();
        assertThat(figure(summary("1999-03-28", "1999-03-28", null), "actions")).isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Number> forces(Map<String, Object> post) {
        return (Map<String, Number>) post.get("officersByForce");
    }

    @Test
    void coverageComesFromTheRegistrysCountsNeverNames() {
        Map<String, Object> dakar = PostEvents.snapshot("SN-DAKAR", "SN", "Dakar", "OPEN", List.of("SN", "GM", "CV", "GW"),
                PostEvents.nextVersion());
        dakar.put("officersByForce", Map.of("POLICE_NATIONALE", 2, "GENDARMERIE_NATIONALE", 1));
        dakar.put("officersByRole", Map.of("HEAD_OF_SERVICE", 1, "LIAISON_OFFICER", 2));
        PostEvents.publish("officer.assigned", UUID.randomUUID().toString(), dakar);
        Directory.awaitVersion("SN-DAKAR", (Long) dakar.get("version"));

        JsonPath own = as(DAKAR).get("/dashboard/coverage").then().statusCode(200).extract().jsonPath();
        assertThat(own.getLong("rows[0].posts")).isEqualTo(1);
        assertThat(own.getLong("rows[0].officers")).isEqualTo(3);
        assertThat(own.getMap("rows[0].officersByForce")).isEqualTo(Map.of("GENDARMERIE_NATIONALE", 1, "POLICE_NATIONALE", 2));
        assertThat(own.getMap("rows[0].officersByRole")).isEqualTo(Map.of("HEAD_OF_SERVICE", 1, "LIAISON_OFFICER", 2));
        assertThat(own.getLong("rows[0].countriesCovered")).isEqualTo(4);
        assertThat(own.getLong("rows[0].continentsCovered")).isEqualTo(1);
        JsonPath continents = as(DAKAR).get("/dashboard/coverage/continents").then().statusCode(200).extract().jsonPath();
        assertThat(continents.getList("rows.continent")).containsExactly("002", "009", "019", "142", "150");
        assertThat(continents.getLong("rows[0].countriesCovered")).isEqualTo(4);
        assertThat(continents.getLong("rows[0].posts")).isEqualTo(1);
        assertThat(continents.getLong("rows[0].officers")).isEqualTo(3);
        assertThat(continents.getLong("rows[0].countries")).isGreaterThan(50);
        assertThat(continents.getLong("rows[1].countriesCovered") + continents.getLong("rows[2].countriesCovered")
                + continents.getLong("rows[3].countriesCovered") + continents.getLong("rows[4].countriesCovered")).isZero();
        assertThat(as(DAKAR).get("/dashboard/coverage/officers").then().statusCode(200).extract().jsonPath()
                .getList("rows.key")).containsExactly("GENDARMERIE_NATIONALE", "POLICE_NATIONALE", "HEAD_OF_SERVICE",
                        "LIAISON_OFFICER");

        // headquarters: the whole directory, counted from the directory's own list
        List<Map<String, Object>> directory = as(ANALYST).queryParam("size", 200).get("/directory/posts").then()
                .statusCode(200).extract().jsonPath().getList("items");
        JsonPath all = as(ANALYST).get("/dashboard/coverage").then().statusCode(200).extract().jsonPath();
        assertThat(all.getLong("rows[0].posts")).isEqualTo(directory.size());
        assertThat(all.getLong("rows[0].officers")).isEqualTo(directory.stream().filter(p -> !"CLOSED".equals(p.get("status")))
                .mapToLong(p -> ((Number) p.get("officerCount")).longValue()).sum());
        long police = directory.stream().filter(p -> !"CLOSED".equals(p.get("status")))
                .mapToLong(p -> forces(p).getOrDefault("POLICE_NATIONALE", 0).longValue())
                .sum();
        assertThat(all.getLong("rows[0].officersByForce.POLICE_NATIONALE")).isEqualTo(police).isGreaterThanOrEqualTo(2);
        assertThat(all.getLong("rows[0].postsByStatus.OPEN")).isEqualTo(directory.stream()
                .filter(p -> "OPEN".equals(p.get("status"))).count());
        // nothing personal travels: the directory holds counts only
        assertThat(as(ANALYST).get("/directory/posts/SN-DAKAR").then().statusCode(200).extract().asString())
                .doesNotContain("firstName", "lastName", "officerId");
    }
}

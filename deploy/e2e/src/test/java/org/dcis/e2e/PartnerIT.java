package org.dcis.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The EU and UN mission systems through the gateway, with their client-credentials tokens, on the demo history: each
 * reads exactly the cases released to its organisation (computed here from what headquarters reads), its sync from
 * the start rebuilds that same set, it reports on its own missions only, and it is refused everywhere else but the
 * registry.
 */
class PartnerIT {
    private static final Map<String, String> SYSTEMS = Map.of("EU", "eu-mission-system", "UN", "un-mission-system");
    private static final Map<String, String> SECRETS = Map.of("EU", "eu-mission-secret", "UN", "un-mission-secret");

    @BeforeAll
    static void demoHistoryLoaded() {
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonPath ready = given().get(Stack.COOPERATION_MANAGEMENT + "/q/health/ready").jsonPath();
            Map<String, Object> data = ready.getMap("checks.find { it.name == 'Demo history' }.data");
            assertThat(data).as("the Demo history check").isNotNull().containsEntry("state", "loaded");
        });
    }

    private static RequestSpecification system(String organisation) {
        return given().baseUri(Stack.GATEWAY).contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + Stack.clientToken(SYSTEMS.get(organisation), SECRETS.get(organisation)));
    }

    private static Set<String> expected(String organisation) {
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> c : pages(Stack.gatewayAs("analyst.hq"),
                "/api/cooperation/cases?framework=MULTILATERAL&organisation=" + organisation + "&size=200")) {
            if ("INTERNAL".equals(c.get("handling")) && ((List<?>) c.get("releasableTo")).contains(organisation)) {
                ids.add((String) c.get("id"));
            }
        }
        return ids;
    }

    private static List<Map<String, Object>> pages(RequestSpecification as, String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int page = 0;; page++) {
            Response response = given().spec(as).get(path + "&page=" + page);
            assertThat(response.statusCode()).as("%s: %s", path, response.asString()).isEqualTo(200);
            List<Map<String, Object>> got = response.jsonPath().getList("items");
            items.addAll(got);
            if (got.isEmpty() || items.size() >= response.jsonPath().getLong("total")) {
                return items;
            }
        }
    }

    @Test
    void eachSystemReadsExactlyTheCasesReleasedToItsOrganisation() {
        for (String organisation : SYSTEMS.keySet()) {
            Set<String> expected = expected(organisation);
            assertThat(expected).as("the demo history releases cases to %s", organisation).isNotEmpty();
            Set<String> listed = new HashSet<>();
            pages(system(organisation), "/api/partner/v1/cases?size=200").forEach(c -> listed.add((String) c.get("id")));
            assertThat(listed).as(organisation).isEqualTo(expected);
        }
    }

    @Test
    void theIatiExportHoldsOneActivityPerReleasedCase() {
        for (String organisation : SYSTEMS.keySet()) {
            Response xml = system(organisation).accept("application/xml").get("/api/partner/v1/iati-activities");
            assertThat(xml.statusCode()).as(organisation).isEqualTo(200);
            assertThat(xml.contentType()).startsWith("application/xml");
            List<String> identifiers = xml.xmlPath().getList("iati-activities.iati-activity.iati-identifier", String.class);
            Set<String> cases = new HashSet<>();
            identifiers.forEach(id -> cases.add(id.substring(id.length() - 36)));
            assertThat(cases).as(organisation).hasSize(identifiers.size()).isEqualTo(expected(organisation));
        }
    }

    @Test
    void aSyncFromTheStartRebuildsTheReleasedSet() {
        for (String organisation : SYSTEMS.keySet()) {
            Set<String> present = new LinkedHashSet<>();
            Set<String> cursors = new HashSet<>();
            String cursor = null;
            boolean more = true;
            while (more) {
                RequestSpecification request = system(organisation).queryParam("size", 1000);
                if (cursor != null) {
                    request.queryParam("updatedSince", cursor);
                }
                JsonPath page = request.get("/api/partner/v1/changes").then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> changes = page.getList("changes");
                for (Map<String, Object> change : changes) {
                    assertThat(cursors.add((String) change.get("cursor"))).as("read once").isTrue();
                    String caseId = (String) change.get("caseId");
                    if ("case.withdrawn".equals(change.get("type"))) {
                        present.remove(caseId);
                    } else if (((String) change.get("type")).startsWith("case.")) {
                        present.add(caseId);
                    }
                }
                cursor = page.getString("nextCursor");
                more = !changes.isEmpty();
            }
            assertThat(present).as(organisation).isEqualTo(expected(organisation));
        }
    }

    @Test
    void theEuSystemReportsOnItsMissionsOnlyAndHeadquartersReadsIt() {
        String note = "e2e " + UUID.randomUUID();
        Response created = system("EU").body(Map.of("kind", "MANDATE_EXTENDED", "effectiveOn", "2027-12-31", "note", note))
                .post("/api/partner/v1/missions/EUAM-UKRAINE/reports");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        List<Map<String, Object>> reports = Stack.gatewayAs("analyst.hq").get("/api/cooperation/missions/EUAM-UKRAINE/reports")
                .then().statusCode(200).extract().jsonPath().getList("");
        assertThat(reports.get(0)).containsEntry("note", note).containsEntry("organisation", "EU");
        assertThat(system("EU").body(Map.of("kind", "SUSPENDED", "effectiveOn", "2027-01-01"))
                .post("/api/partner/v1/missions/MINUSCA-UNPOL/reports").statusCode()).isEqualTo(403);
    }

    @Test
    void partnersAreRefusedEverywhereButTheRegistryReadsAndOthersOnThePartnerApi() {
        for (String organisation : SYSTEMS.keySet()) {
            assertThat(system(organisation).get("/api/posts/countries").statusCode()).isEqualTo(200);
            for (String path : List.of("/api/cooperation/cases", "/api/cooperation/missions", "/api/dashboard/summary",
                    "/api/cooperation/audit")) {
                assertThat(system(organisation).get(path).statusCode()).as(path).isEqualTo(403);
            }
        }
        for (String user : List.of("officer.dakar", "analyst.hq", "admin.registry")) {
            assertThat(Stack.gatewayAs(user).get("/api/partner/v1/cases").statusCode()).as(user).isEqualTo(403);
        }
    }
}

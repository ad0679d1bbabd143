package org.dcis.cooperation.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.ADMIN;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.EU_SYSTEM;
import static org.dcis.cooperation.support.Api.UN_SYSTEM;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.cooperation.support.Cases.multilateral;
import static org.hamcrest.Matchers.is;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The partner API with the real client-credentials tokens of the EU and UN mission systems, on a data set mixing EU,
 * UN, INTERPOL and bilateral cases, restricted, releasable and unreleasable: each system sees exactly the cases
 * released to its organisation (computed here from what headquarters sees, independently of the service's rule), on
 * every endpoint, and nothing of anyone else.
 */
@QuarkusTest
class PartnerApiTest {
    private static final Map<String, String> CREATED = new HashMap<>();

    @BeforeEach
    void dataSet() {
        Directory.standardPosts();
        if (!CREATED.isEmpty()) {
            return;
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        open("eu-released", multilateral("EU released " + run, "EU", "EUCAP-SAHEL-MALI", "INTERNAL", List.of("EU")));
        open("eu-unreleased", multilateral("EU unreleased " + run, "EU", null, "INTERNAL", List.of()));
        open("eu-restricted", multilateral("EU restricted " + run, "EU", "EUCAP-SAHEL-MALI", "RESTRICTED", List.of("EU")));
        open("eu-for-un", multilateral("EU released to UN " + run, "EU", null, "INTERNAL", List.of("UN")));
        open("un-released", multilateral("UN released " + run, "UN", "MINUSCA-UNPOL", "INTERNAL", List.of("UN")));
        open("un-released-both", multilateral("UN released to both " + run, "UN", null, "INTERNAL", List.of("EU", "UN")));
        open("interpol", multilateral("Interpol " + run, "INTERPOL", null, "INTERNAL", List.of("EU", "UN")));
        open("bilateral", org.dcis.cooperation.support.Cases.with(bilateral("Bilateral " + run, "SN-DAKAR", "CV"),
                "releasableTo", List.of("EU", "UN")));
        for (String id : CREATED.values()) {
            as(DAKAR).body(action("Training " + run)).post("/cases/" + id + "/actions").then().statusCode(201);
        }
    }

    private static void open(String name, Map<String, Object> body) {
        CREATED.put(name, as(DAKAR).body(body).post("/cases").then().statusCode(201).extract().path("id"));
    }

    /** What headquarters sees, with the rule of the issue applied here: the expectation of the partner's view. */
    private static Set<String> releasedTo(String organisation) {
        Set<String> expected = new HashSet<>();
        for (Map<String, Object> c : all(ANALYST, "/cases?framework=MULTILATERAL&size=200")) {
            if (organisation.equals(c.get("organisation")) && "INTERNAL".equals(c.get("handling"))
                    && ((List<?>) c.get("releasableTo")).contains(organisation)) {
                expected.add((String) c.get("id"));
            }
        }
        return expected;
    }

    private static List<Map<String, Object>> all(String user, String path) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonPath answer = as(user).get(path + "&page=" + page).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> got = answer.getList("items");
            items.addAll(got);
            if (got.isEmpty() || items.size() >= answer.getLong("total")) {
                return items;
            }
        }
    }

    private static Set<String> ids(List<Map<String, Object>> items) {
        Set<String> ids = new HashSet<>();
        items.forEach(i -> ids.add((String) i.get("id")));
        return ids;
    }

    @Test
    void eachMissionSystemListsExactlyTheCasesReleasedToItsOrganisation() {
        Set<String> eu = releasedTo("EU");
        Set<String> un = releasedTo("UN");
        assertThat(eu).contains(CREATED.get("eu-released")).doesNotContain(CREATED.get("eu-restricted"));
        assertThat(un).contains(CREATED.get("un-released"), CREATED.get("un-released-both"));

        assertThat(ids(all(EU_SYSTEM, "/partner/v1/cases?size=200"))).isEqualTo(eu);
        assertThat(ids(all(UN_SYSTEM, "/partner/v1/cases?size=200"))).isEqualTo(un);
    }

    @Test
    void oneCaseAndItsActionsAreReadableExactlyWhenReleased() {
        for (Map.Entry<String, String> c : CREATED.entrySet()) {
            for (String system : List.of(EU_SYSTEM, UN_SYSTEM)) {
                boolean released = system.equals(EU_SYSTEM) ? c.getKey().equals("eu-released")
                        : c.getKey().startsWith("un-released");
                int status = released ? 200 : 404;
                as(system).get("/partner/v1/cases/" + c.getValue()).then().statusCode(status);
                as(system).get("/partner/v1/cases/" + c.getValue() + "/actions").then().statusCode(status);
            }
        }
    }

    @Test
    void partnerViewsCarryNoPersonalDataNorInternalNotes() {
        String id = CREATED.get("eu-released");
        Map<String, Object> c = as(EU_SYSTEM).get("/partner/v1/cases/" + id).then().statusCode(200)
                .header("ETag", "\"1\"").body("mission", is("EUCAP-SAHEL-MALI")).extract().jsonPath().getMap("");
        assertThat(c).doesNotContainKeys("createdBy", "createdAt", "expectedReturn", "handling", "releasableTo")
                .containsKeys("title", "themes", "countries", "status", "openedOn");
        List<Map<String, Object>> actions = as(EU_SYSTEM).get("/partner/v1/cases/" + id + "/actions").then()
                .statusCode(200).extract().jsonPath().getList("");
        assertThat(actions).hasSize(1);
        assertThat(actions.get(0)).doesNotContainKeys("createdBy", "cancellationReason", "participants")
                .containsEntry("partnerOfficersTrained", 18);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> outcomes = (List<Map<String, Object>>) actions.get(0).get("outcomes");
        assertThat(outcomes).allSatisfy(o -> assertThat(o).doesNotContainKey("note"));
        String json = as(EU_SYSTEM).get("/partner/v1/cases/" + id + "/actions").asString();
        assertThat(json).doesNotContain("officer.dakar").doesNotContain("Fewer shipments");
    }

    @Test
    void filtersNarrowTheListAndBadValuesAreNamed() {
        List<Map<String, Object>> inMission = all(EU_SYSTEM, "/partner/v1/cases?mission=EUCAP-SAHEL-MALI&size=200");
        assertThat(ids(inMission)).contains(CREATED.get("eu-released"))
                .allSatisfy(id -> assertThat(releasedTo("EU")).contains(id));
        assertThat(inMission).allSatisfy(c -> assertThat(c.get("mission")).isEqualTo("EUCAP-SAHEL-MALI"));
        assertThat(ids(all(UN_SYSTEM, "/partner/v1/cases?country=CF&size=200")))
                .doesNotContain(CREATED.get("un-released"));

        as(EU_SYSTEM).get("/partner/v1/cases?theme=NARCOTICS").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("theme"));
        as(EU_SYSTEM).get("/partner/v1/cases?from=2025-13-01").then().statusCode(400)
                .body("violations[0].field", is("from"));
        as(EU_SYSTEM).get("/partner/v1/changes?updatedSince=yesterday").then().statusCode(400)
                .body("violations[0].field", is("updatedSince"));
        as(EU_SYSTEM).get("/partner/v1/changes?size=0").then().statusCode(400).body("violations[0].field", is("size"));
        as(EU_SYSTEM).get("/partner/v1/cases/not-a-uuid").then().statusCode(404);
    }

    @Test
    void officersAnalystsAndAdministratorsAreRefusedAndPartnersGetNothingElse() {
        for (String user : List.of(DAKAR, ANALYST, ADMIN)) {
            as(user).get("/partner/v1/cases").then().statusCode(403).contentType("application/problem+json");
            as(user).get("/partner/v1/changes").then().statusCode(403);
            as(user).body(Map.of("kind", "SUSPENDED", "effectiveOn", "2026-01-01"))
                    .post("/partner/v1/missions/EUCAP-SAHEL-MALI/reports").then().statusCode(403);
        }
        for (String system : List.of(EU_SYSTEM, UN_SYSTEM)) {
            for (String path : List.of("/cases", "/actions", "/missions", "/directory/posts", "/audit",
                    "/dashboard/summary", "/cases/" + CREATED.get("eu-released"))) {
                as(system).get(path).then().statusCode(403);
            }
            as(system).body(bilateral("Intrusion", "SN-DAKAR", "SN")).post("/cases").then().statusCode(403);
        }
    }

    @Test
    void aMissionReportOfTheEuSystemIsRecordedAuditedAndReadByHeadquartersButRefusedForAUnMission() {
        String note = "Council decision " + UUID.randomUUID();
        String reportId = as(EU_SYSTEM).body(Map.of("kind", "MANDATE_EXTENDED", "effectiveOn", "2027-06-30", "note", note))
                .post("/partner/v1/missions/EUCAP-SAHEL-MALI/reports").then().statusCode(201)
                .body("organisation", is("EU")).body("kind", is("MANDATE_EXTENDED"))
                .extract().path("id");
        as(EU_SYSTEM).get("/partner/v1/missions/EUCAP-SAHEL-MALI/reports/" + reportId).then().statusCode(200)
                .body("note", is(note));

        List<Map<String, Object>> seen = as(ANALYST).get("/missions/EUCAP-SAHEL-MALI/reports").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(seen).anySatisfy(r -> {
            assertThat(r.get("id")).isEqualTo(reportId);
            assertThat(r.get("note")).isEqualTo(note);
            assertThat(r.get("effectiveOn")).isEqualTo("2027-06-30");
        });
        as(ANALYST).get("/dashboard/missions?organisation=EU").then().statusCode(200)
                .body("table", is("missions"))
                .body("rows.find { it.mission == 'EUCAP-SAHEL-MALI' }.lastReport", is("MANDATE_EXTENDED"))
                .body("rows.find { it.mission == 'EUCAP-SAHEL-MALI' }.lastReportNote", is(note))
                .body("rows.find { it.mission == 'EUCAP-SAHEL-MALI' }.lastReportEffectiveOn", is("2027-06-30"))
                .body("rows.organisation", org.hamcrest.Matchers.everyItem(is("EU")));
        List<Map<String, Object>> audit = as(ANALYST).get("/audit?targetType=mission&targetId=EUCAP-SAHEL-MALI&size=200").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(audit).anySatisfy(a -> {
            assertThat(a.get("operation")).isEqualTo("mission.reported");
            assertThat(String.valueOf(a.get("change"))).contains(note);
            assertThat(a.get("username")).isEqualTo("service-account-eu-mission-system");
        });

        as(EU_SYSTEM).body(Map.of("kind", "SUSPENDED", "effectiveOn", "2026-01-01"))
                .post("/partner/v1/missions/MINUSCA-UNPOL/reports").then().statusCode(403)
                .contentType("application/problem+json");
        as(UN_SYSTEM).get("/partner/v1/missions/EUCAP-SAHEL-MALI/reports/" + reportId).then().statusCode(404);
        as(UN_SYSTEM).body(Map.of("kind", "ENDED", "effectiveOn", "2026-01-01"))
                .post("/partner/v1/missions/MINUSCA-UNPOL/reports").then().statusCode(201);
        as(EU_SYSTEM).body(Map.of("kind", "ENDED")).post("/partner/v1/missions/EUCAP-SAHEL-MALI/reports").then()
                .statusCode(400).body("violations[0].field", is("effectiveOn"));
        as(EU_SYSTEM).body(Map.of("kind", "ENDED", "effectiveOn", "2026-01-01"))
                .post("/partner/v1/missions/NO-SUCH-MISSION/reports").then().statusCode(404);
        as(ANALYST).get("/missions/MINUSCA-UNPOL/reports").then().statusCode(200).body("[0].kind", is("ENDED"));
    }
}

package org.dcis.cooperation.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.cooperation.support.Cases.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Cases through the REST API, on a real database, real tokens and a directory fed by real post events. */
@QuarkusTest
class CaseApiTest {
    @BeforeEach
    void posts() {
        Directory.standardPosts();
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long total(String user, String text) {
        return as(user).queryParam("text", text).get("/cases").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void anOfficerOpensRevisesAndClosesACaseOfTheirPost() {
        String title = unique("Cocaine routes through Cape Verde");
        var created = as(DAKAR).body(with(bilateral(title, "SN-DAKAR", "CV"), "countries", List.of("GW")))
                .post("/cases").then().statusCode(201)
                .header("Location", containsString("/cases/"))
                .header("ETag", "\"1\"")
                .body("status", is("OPEN"))
                .body("countries", contains("CV", "GW"))
                .body("handling", is("INTERNAL"))
                .extract().jsonPath();
        String id = created.getString("id");

        as(ANALYST).get("/cases/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("title", is(title)).body("leadPost", is("SN-DAKAR")).body("partnerCountry", is("CV"))
                .body("themes", contains("DRUG_TRAFFICKING")).body("createdBy", notNullValue());

        var revision = with(bilateral(title, "SN-DAKAR", "GM"), "themes", List.of("DRUG_TRAFFICKING", "EXPERTISE_EXPORT"));
        revision.put("speciality", "JUDICIAL_INVESTIGATION");
        as(DAKAR).header("If-Match", "\"1\"").body(revision).put("/cases/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("partnerCountry", is("GM"))
                .body("themes", contains("DRUG_TRAFFICKING", "EXPERTISE_EXPORT"))
                .body("speciality", is("JUDICIAL_INVESTIGATION")).body("version", is(2));

        as(DAKAR).header("If-Match", "\"2\"").body(Map.of("closedOn", "2025-06-30", "result", "Two networks dismantled"))
                .post("/cases/" + id + "/close").then().statusCode(200)
                .header("ETag", "\"3\"").body("status", is("CLOSED")).body("closedOn", is("2025-06-30"))
                .body("expectedReturn", containsString("Two networks dismantled"));

        as(DAKAR).header("If-Match", "\"3\"").body(revision).put("/cases/" + id).then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", is("status"));
    }

    @Test
    void aStaleIfMatchGets412AndAMissingOneGets428() {
        String id = as(DAKAR).body(bilateral(unique("Stale"), "SN-DAKAR", "SN")).post("/cases").then().statusCode(201)
                .extract().path("id");
        var body = bilateral("Stale, revised", "SN-DAKAR", "SN");
        as(DAKAR).header("If-Match", "\"1\"").body(body).put("/cases/" + id).then().statusCode(200).header("ETag", "\"2\"");
        as(DAKAR).header("If-Match", "\"1\"").body(with(body, "title", "Lost update")).put("/cases/" + id)
                .then().statusCode(412).contentType("application/problem+json").body("status", is(412));
        as(DAKAR).body(with(body, "title", "Blind update")).put("/cases/" + id)
                .then().statusCode(428).contentType("application/problem+json");
        as(DAKAR).header("If-Match", "\"1\"").body(Map.of()).post("/cases/" + id + "/close").then().statusCode(412);
        as(ANALYST).get("/cases/" + id).then().body("title", is("Stale, revised")).body("status", is("OPEN"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstCaseAndStoresOne() {
        String title = unique("Retried");
        String key = UUID.randomUUID().toString();
        var body = bilateral(title, "SN-DAKAR", "GW");
        String first = as(DAKAR).header("Idempotency-Key", key).body(body).post("/cases").then().statusCode(201)
                .extract().path("id");
        as(DAKAR).header("Idempotency-Key", key).body(body).post("/cases").then().statusCode(201)
                .header("Idempotent-Replayed", "true").header("Location", containsString(first))
                .body("id", is(first));
        assertThat(total(ANALYST, title)).isEqualTo(1);

        as(DAKAR).header("Idempotency-Key", key).body(with(body, "partnerCountry", "SN")).post("/cases").then()
                .statusCode(422).body("violations[0].field", is("Idempotency-Key"));
        assertThat(total(ANALYST, title)).isEqualTo(1);

        // another key is another create
        as(DAKAR).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/cases").then().statusCode(201)
                .body("id", org.hamcrest.Matchers.not(first));
        assertThat(total(ANALYST, title)).isEqualTo(2);
    }

    @Test
    void aBilateralCaseOutsideTheLeadPostCoverageGets422AndIsNotStored() {
        String title = unique("Mali is not covered by Dakar");
        as(DAKAR).body(bilateral(title, "SN-DAKAR", "ML")).post("/cases").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", is("partnerCountry"))
                .body("detail", containsString("not covered by lead post SN-DAKAR"));
        assertThat(total(ANALYST, title)).isZero();
    }

    @Test
    void aMultilateralCaseMustMatchTheOrganisationOfItsMission() {
        String title = unique("EUCAP Sahel Mali judicial training");
        Map<String, Object> body = bilateral(title, "SN-DAKAR", null);
        body.put("framework", "MULTILATERAL");
        body.put("organisation", "EU");
        body.put("mission", "EUCAP-SAHEL-MALI");
        body.put("countries", List.of("ML"));
        body.put("handling", "RESTRICTED");
        body.put("releasableTo", List.of("EU"));
        as(DAKAR).body(body).post("/cases").then().statusCode(201)
                .body("mission", is("EUCAP-SAHEL-MALI")).body("organisation", is("EU"))
                .body("releasableTo", contains("EU")).body("partnerCountry", is((Object) null));

        as(DAKAR).body(with(body, "organisation", "UN")).post("/cases").then().statusCode(422)
                .body("violations[0].field", is("mission")).body("detail", containsString("belongs to EU"));
        as(DAKAR).body(with(body, "mission", "NO-SUCH-MISSION")).post("/cases").then().statusCode(422)
                .body("violations[0].field", is("mission"));
        as(DAKAR).body(with(body, "organisation", null)).post("/cases").then().statusCode(422)
                .body("violations[0].field", is("organisation"));
        assertThat(total(ANALYST, title)).isEqualTo(1);
    }

    @Test
    void listsFilterPageAndSort() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        as(DAKAR).body(with(bilateral("B cyber " + tag, "SN-DAKAR", "SN"), "themes", List.of("CYBERCRIME")))
                .post("/cases").then().statusCode(201);
        as(DAKAR).body(with(with(bilateral("A drugs " + tag, "SN-DAKAR", "CV"), "openedOn", "2024-03-01"),
                "themes", List.of("DRUG_TRAFFICKING", "ORGANISED_CRIME"))).post("/cases").then().statusCode(201);
        as(BogotaUser.NAME).body(with(bilateral("C terrorism " + tag, "CO-BOGOTA", "EC"), "themes", List.of("TERRORISM")))
                .post("/cases").then().statusCode(201);

        as(ANALYST).queryParam("text", tag).queryParam("sort", "title").get("/cases").then().statusCode(200)
                .body("total", is(3)).body("page", is(0)).body("size", is(20))
                .body("items.title", contains("A drugs " + tag, "B cyber " + tag, "C terrorism " + tag));
        as(ANALYST).queryParam("text", tag).queryParam("sort", "title,desc").queryParam("size", 2).queryParam("page", 1)
                .get("/cases").then().statusCode(200).body("total", is(3)).body("items.title", contains("A drugs " + tag));
        as(ANALYST).queryParam("text", tag).queryParam("theme", "CYBERCRIME").get("/cases").then()
                .body("items.title", contains("B cyber " + tag));
        as(ANALYST).queryParam("text", tag).queryParam("country", "EC").get("/cases").then()
                .body("items.title", contains("C terrorism " + tag));
        as(ANALYST).queryParam("text", tag).queryParam("post", "SN-DAKAR").queryParam("sort", "openedOn").get("/cases")
                .then().body("items.title", contains("A drugs " + tag, "B cyber " + tag));
        as(ANALYST).queryParam("text", tag).queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").get("/cases")
                .then().body("items.title", contains("A drugs " + tag));
        as(ANALYST).queryParam("text", tag).queryParam("framework", "MULTILATERAL").get("/cases").then().body("total", is(0));
        as(ANALYST).queryParam("text", tag).queryParam("status", "OPEN").get("/cases").then().body("total", is(3));

        as(ANALYST).queryParam("sort", "summary").get("/cases").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("sort"));
        as(ANALYST).queryParam("theme", "GAMBLING").get("/cases").then().statusCode(400)
                .body("violations[0].field", is("theme"));
        as(ANALYST).queryParam("size", 500).get("/cases").then().statusCode(400).body("violations[0].field", is("size"));
        as(ANALYST).queryParam("country", "XX").get("/cases").then().statusCode(400).body("violations[0].field", is("country"));
    }

    @Test
    void badInputGets400Or422NamingTheFieldAndWritesNothing() {
        String title = unique("Bad input");
        var good = bilateral(title, "SN-DAKAR", "SN");

        as(DAKAR).body(with(good, "themes", List.of("GAMBLING"))).post("/cases").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("themes[0]"))
                .body("violations[0].message", containsString("GAMBLING"));
        as(DAKAR).body(with(good, "partnerCountry", "XX")).post("/cases").then().statusCode(400)
                .body("violations.field", hasItem("partnerCountry"));
        as(DAKAR).body(with(good, "countries", List.of("SN", "FRA"))).post("/cases").then().statusCode(400)
                .body("violations.field", hasItem("countries[1]"));
        as(DAKAR).body(with(good, "title", "x".repeat(201))).post("/cases").then().statusCode(400)
                .body("violations.field", hasItem("title"));
        as(DAKAR).body(with(good, "summary", "x".repeat(4001))).post("/cases").then().statusCode(400)
                .body("violations.field", hasItem("summary"));
        as(DAKAR).body(with(good, "themes", List.of())).post("/cases").then().statusCode(400)
                .body("violations.field", hasItem("themes"));
        as(DAKAR).body(with(good, "openedOn", "2025-02-30")).post("/cases").then().statusCode(400)
                .body("violations[0].field", is("openedOn"));
        as(DAKAR).body(with(good, "framework", 42)).post("/cases").then().statusCode(400)
                .body("violations[0].field", is("framework"));
        as(DAKAR).body(with(good, "partnerCountyr", "SN")).post("/cases").then().statusCode(400)
                .body("violations[0].field", is("partnerCountyr"));
        as(DAKAR).body(with(good, "themes", List.of("EXPERTISE_EXPORT"))).post("/cases").then().statusCode(422)
                .body("violations[0].field", is("speciality"));
        as(DAKAR).body(with(good, "openedOn", "2999-01-01")).post("/cases").then().statusCode(422)
                .body("violations[0].field", is("openedOn"));
        as(DAKAR).contentType(ContentType.JSON).body("{\"title\": \"" + title + "\", \"framework\": ").post("/cases").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", is("body"));
        as(DAKAR).contentType(ContentType.JSON).body("").post("/cases").then().statusCode(400);
        assertThat(total(ANALYST, title)).isZero();

        String id = as(DAKAR).body(good).post("/cases").then().statusCode(201).extract().path("id");
        as(DAKAR).header("If-Match", "\"1\"").body(Map.of("closedOn", "2024-01-01")).post("/cases/" + id + "/close").then()
                .statusCode(422).body("violations[0].field", is("closedOn"));
        as(DAKAR).header("If-Match", "\"1\"").body(with(good, "title", " ")).put("/cases/" + id).then().statusCode(400)
                .body("violations[0].field", is("title"));
        as(ANALYST).get("/cases/" + id).then().statusCode(200).body("status", is("OPEN")).body("title", is(title))
                .body("version", equalTo(1));
        as(ANALYST).get("/cases/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        as(ANALYST).get("/cases/" + UUID.randomUUID()).then().statusCode(404);
    }

    /** officer.bogota, of post CO-BOGOTA. */
    static final class BogotaUser {
        static final String NAME = org.dcis.cooperation.support.Api.BOGOTA;
    }
}

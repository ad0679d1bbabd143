package org.dcis.posts;

import static org.dcis.posts.support.Api.asAdmin;
import static org.dcis.posts.support.Api.etag;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dcis.posts.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Officers posted to posts: the one-current-assignment rule, ending, filters and who sees names. */
@QuarkusTest
class AssignmentApiTest {

    @Test
    void assignsListsAndEndsAnAssignment() {
        asAdmin().body(Api.post("SE-STOCKHOLM", "SE", "Stockholm", "2010-09-01", List.of())).post("/posts")
                .then().statusCode(201);
        String id = asAdmin().body(Api.assignment("GN-700001", "SE-STOCKHOLM", "HEAD_OF_SERVICE", "2024-09-01"))
                .post("/assignments").then().statusCode(201).header("ETag", "\"1\"")
                .body("officer.id", is("GN-700001")).body("officer.givenName", is("Anne"))
                .body("officer.specialities", contains("CYBERCRIME", "TERRORISM"))
                .body("current", is(true)).body("postId", is("SE-STOCKHOLM"))
                .extract().path("id");
        Api.as(Api.OFFICER).get("/posts/SE-STOCKHOLM").then().body("officerCount", is(1)).body("version", is(2));

        Api.as(Api.ANALYST).queryParam("postId", "SE-STOCKHOLM").queryParam("theme", "CYBERCRIME")
                .queryParam("force", "GENDARMERIE_NATIONALE").queryParam("role", "HEAD_OF_SERVICE").queryParam("current", "true")
                .get("/assignments").then().statusCode(200).body("total", is(1)).body("items[0].id", is(id));
        Api.as(Api.ANALYST).queryParam("postId", "SE-STOCKHOLM").queryParam("theme", "DRUG_TRAFFICKING")
                .get("/assignments").then().statusCode(200).body("total", is(0));
        Api.as(Api.ANALYST).queryParam("country", "SE").queryParam("continent", "Europe").get("/assignments").then()
                .statusCode(200).body("items.id", contains(id));
        Api.as(Api.ANALYST).queryParam("text", "testeur").queryParam("postId", "SE-STOCKHOLM").get("/assignments").then()
                .statusCode(200).body("total", is(1));
        Api.as(Api.OFFICER).queryParam("theme", "CYBERCRIME").queryParam("size", 200).get("/posts").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem("SE-STOCKHOLM"));

        asAdmin().header("If-Match", etag(1)).body(Map.of("endsOn", "2025-08-31")).post("/assignments/" + id + "/end")
                .then().statusCode(200).body("endsOn", is("2025-08-31")).body("current", is(false)).header("ETag", "\"2\"");
        asAdmin().header("If-Match", etag(1)).body(Map.of("endsOn", "2025-08-31")).post("/assignments/" + id + "/end")
                .then().statusCode(412);
        Api.as(Api.OFFICER).get("/posts/SE-STOCKHOLM").then().body("officerCount", is(0)).body("version", is(3));
        Api.as(Api.PARTNER_EU).get("/assignments/" + id).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void anOfficerHasAtMostOneCurrentAssignment() {
        asAdmin().body(Api.post("CH-BERNE", "CH", "Berne", "2006-09-01", List.of("LI"))).post("/posts").then().statusCode(201);
        asAdmin().body(Api.post("AT-VIENNE", "AT", "Vienne", "2007-09-01", List.of())).post("/posts").then().statusCode(201);
        String first = asAdmin().body(Api.assignment("PN-700002", "CH-BERNE", "LIAISON_OFFICER", "2023-09-01"))
                .post("/assignments").then().statusCode(201).extract().path("id");
        asAdmin().body(Api.assignment("PN-700002", "AT-VIENNE", "DEPUTY", "2025-01-01"))
                .post("/assignments").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("CH-BERNE")).body("violations[0].field", is("officer.id"));
        Api.as(Api.OFFICER).get("/posts/AT-VIENNE").then().body("officerCount", is(0)).body("version", is(1));

        asAdmin().header("If-Match", etag(1)).body(Map.of("endsOn", "2024-12-31")).post("/assignments/" + first + "/end")
                .then().statusCode(200);
        // a new period may not overlap the one that just ended
        asAdmin().body(Api.assignment("PN-700002", "AT-VIENNE", "DEPUTY", "2024-12-01"))
                .post("/assignments").then().statusCode(409).body("violations[0].field", is("startsOn"));
        asAdmin().body(Api.assignment("PN-700002", "AT-VIENNE", "DEPUTY", "2025-01-01"))
                .post("/assignments").then().statusCode(201);
        Api.as(Api.ANALYST).queryParam("officerId", "PN-700002").queryParam("sort", "startsOn").get("/assignments").then()
                .body("items.postId", contains("CH-BERNE", "AT-VIENNE"))
                .body("items.current", contains(false, true));
    }

    @Test
    void personalFieldsAreShownOnlyToHeadquartersAndTheRegistry() {
        asAdmin().body(Api.post("IE-DUBLIN", "IE", "Dublin", "2016-09-01", List.of())).post("/posts").then().statusCode(201);
        String id = asAdmin().body(Api.assignment("GN-700003", "IE-DUBLIN", "TECHNICAL_EXPERT", "2024-09-01"))
                .post("/assignments").then().statusCode(201).extract().path("id");
        for (String reader : List.of(Api.ANALYST, Api.ADMIN)) {
            Api.as(reader).get("/assignments/" + id).then().statusCode(200)
                    .body("officer.givenName", is("Anne")).body("officer.familyName", is("Testeur"));
        }
        for (String reader : List.of(Api.OFFICER, Api.PARTNER_EU, "eu-mission-system")) {
            Api.as(reader).get("/assignments/" + id).then().statusCode(200)
                    .body("officer", not(hasKey("givenName"))).body("officer", not(hasKey("familyName")))
                    .body("officer.rank", is("Lieutenant-colonel"));
            Api.as(reader).queryParam("postId", "IE-DUBLIN").get("/assignments").then().statusCode(200)
                    .body("items.officer", everyItem(not(hasKey("familyName"))))
                    .body("items.officer.givenName", everyItem(nullValue()));
            // a name search must not reveal names to those who cannot read them
            Api.as(reader).queryParam("postId", "IE-DUBLIN").queryParam("text", "Testeur").get("/assignments").then()
                    .statusCode(200).body("total", is(0));
            Api.as(reader).body(Api.assignment("GN-700004", "IE-DUBLIN", "DEPUTY", "2024-09-01"))
                    .post("/assignments").then().statusCode(403).contentType("application/problem+json")
                    .body("status", is(403)).body("type", is("https://dcis.example/problems/forbidden"));
        }
    }

    @Test
    void assignmentsAreRefusedOnClosedPostsAndBeforeOpening() {
        asAdmin().body(Api.post("LU-LUXEMBOURG", "LU", "Luxembourg", "2019-09-01", List.of())).post("/posts").then().statusCode(201);
        Map<String, Object> early = new HashMap<>(Api.assignment("PN-700005", "LU-LUXEMBOURG", "DEPUTY", "2018-01-01"));
        asAdmin().body(early).post("/assignments").then().statusCode(422).body("violations[0].field", is("startsOn"));
        String id = asAdmin().body(Api.assignment("PN-700005", "LU-LUXEMBOURG", "DEPUTY", "2020-01-01"))
                .post("/assignments").then().statusCode(201).extract().path("id");
        asAdmin().header("If-Match", etag(2)).body(Map.of("status", "CLOSED", "on", "2025-06-30"))
                .put("/posts/LU-LUXEMBOURG/status").then().statusCode(422).body("detail", containsString("current assignment"));
        asAdmin().header("If-Match", etag(1)).body(Map.of("endsOn", "2025-06-30")).post("/assignments/" + id + "/end")
                .then().statusCode(200);
        asAdmin().header("If-Match", etag(3)).body(Map.of("status", "CLOSED", "on", "2025-06-30"))
                .put("/posts/LU-LUXEMBOURG/status").then().statusCode(200);
        asAdmin().body(Api.assignment("PN-700006", "LU-LUXEMBOURG", "DEPUTY", "2025-09-01"))
                .post("/assignments").then().statusCode(422).body("violations[0].field", is("postId"));
        asAdmin().body(Api.assignment("PN-700006", "XX-NOWHERE", "DEPUTY", "2025-09-01"))
                .post("/assignments").then().statusCode(400).body("violations[0].field", is("postId"));
        Api.as(Api.OFFICER).get("/assignments/not-a-uuid").then().statusCode(404);
    }

    @Test
    void aNullSpecialityNamesTheListItIsIn() {
        Map<String, Object> body = new HashMap<>(Api.assignment("OFF-NULL-SPEC", "SN-DAKAR", "LIAISON_OFFICER", "2026-01-05"));
        Map<String, Object> officer = new HashMap<>((Map<String, Object>) body.get("officer"));
        java.util.List<Object> specialities = new java.util.ArrayList<>();
        specialities.add(null);
        officer.put("specialities", specialities);
        body.put("officer", officer);
        // a set has no index to name: the list is named, never "[null]"
        org.dcis.devstack.testing.Problems.assertProblem(asAdmin().contentType("application/json").body(body)
                .post("/assignments"), 400, "officer.specialities");
    }
}

package org.dcis.posts;

import static io.restassured.RestAssured.given;
import static org.dcis.posts.support.Api.asAdmin;
import static org.dcis.posts.support.Api.etag;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dcis.posts.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Posts through the API with real tokens: lifecycle, coverage rule, optimistic locking, roles. */
@QuarkusTest
class PostApiTest {

    @Test
    void opensReadsListsAndUpdatesAPost() {
        String location = asAdmin().body(Api.post("NO-OSLO", "NO", "Oslo", "2014-09-01", List.of("sj")))
                .post("/posts").then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("id", is("NO-OSLO"))
                .body("status", is("OPEN"))
                .body("coverage", contains("NO", "SJ"))
                .body("officerCount", is(0))
                .extract().header("Location");
        assertThatLocationEndsWith(location, "/posts/NO-OSLO");

        Api.as(Api.OFFICER).get("/posts/NO-OSLO").then().statusCode(200).header("ETag", "\"1\"")
                .body("embassy", is("Ambassade de France à Oslo")).body("contact.email", is("dsi@example.org"));

        Api.as(Api.PARTNER_EU).queryParam("country", "SJ").get("/posts").then().statusCode(200)
                .body("items.id", contains("NO-OSLO")).body("total", is(1)).body("page", is(0)).body("size", is(20));
        Api.as(Api.ANALYST).queryParam("continent", "Europe").queryParam("text", "oslo").get("/posts").then()
                .statusCode(200).body("items.id", contains("NO-OSLO"));
        Api.as(Api.ANALYST).queryParam("continent", "002").queryParam("text", "oslo").get("/posts").then()
                .statusCode(200).body("total", is(0));

        asAdmin().header("If-Match", etag(1))
                .body(Map.of("city", "Oslo", "embassy", "Ambassade de France en Norvège", "contact", Map.of("email", "oslo@example.org")))
                .put("/posts/NO-OSLO").then().statusCode(200).header("ETag", "\"2\"")
                .body("embassy", is("Ambassade de France en Norvège")).body("version", is(2));
    }

    @Test
    void listsPageAndSort() {
        asAdmin().body(Api.post("DK-COPENHAGUE", "DK", "Copenhague", "2012-09-01", List.of("GL", "FO"))).post("/posts")
                .then().statusCode(201);
        asAdmin().body(Api.post("FI-HELSINKI", "FI", "Helsinki", "2013-09-01", List.of("AX"))).post("/posts")
                .then().statusCode(201);
        Api.as(Api.OFFICER).queryParam("text", "i").queryParam("continent", "150").queryParam("sort", "city,desc")
                .queryParam("size", 200).get("/posts").then().statusCode(200)
                .body("items.city", hasItem("Helsinki"));
        List<String> cities = Api.as(Api.OFFICER).queryParam("sort", "city,desc").queryParam("size", 200)
                .get("/posts").then().statusCode(200).extract().jsonPath().getList("items.city", String.class);
        org.assertj.core.api.Assertions.assertThat(cities).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Api.as(Api.OFFICER).queryParam("size", 1).queryParam("page", 0).queryParam("sort", "id").get("/posts").then()
                .statusCode(200).body("items.size()", is(1)).body("size", is(1));
        Api.as(Api.OFFICER).queryParam("status", "OPEN").queryParam("size", 200).get("/posts").then().statusCode(200)
                .body("items.status", everyItem(is("OPEN")));
        Api.as(Api.OFFICER).queryParam("sort", "embassy").get("/posts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("sort"));
        Api.as(Api.OFFICER).queryParam("size", 500).get("/posts").then().statusCode(400)
                .body("violations[0].field", is("size"));
        Api.as(Api.OFFICER).queryParam("status", "AJAR").get("/posts").then().statusCode(400)
                .body("violations[0].field", is("status"));
    }

    @Test
    void aCountryCoveredByOnePostCannotBeClaimedByAnother() {
        asAdmin().body(Api.post("EE-TALLINN", "EE", "Tallinn", "2015-09-01", List.of("LV"))).post("/posts")
                .then().statusCode(201);
        asAdmin().body(Api.post("LT-VILNIUS", "LT", "Vilnius", "2016-09-01", List.of("LV"))).post("/posts")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("EE-TALLINN"))
                .body("violations[0].field", is("coverage"));
        Api.as(Api.OFFICER).get("/posts/LT-VILNIUS").then().statusCode(404).contentType("application/problem+json");

        asAdmin().body(Api.post("LT-VILNIUS", "LT", "Vilnius", "2016-09-01", List.of())).post("/posts")
                .then().statusCode(201);
        asAdmin().header("If-Match", etag(1)).body(Map.of("countries", List.of("LT", "LV"), "effectiveOn", "2020-01-01"))
                .put("/posts/LT-VILNIUS/coverage").then().statusCode(409)
                .body("detail", containsString("country LV is already covered by post EE-TALLINN"));
        Api.as(Api.OFFICER).get("/posts/LT-VILNIUS").then().body("coverage", contains("LT")).body("version", is(1));
    }

    @Test
    void coverageChangesKeepHistoryAndAnswerForAPastDate() {
        asAdmin().body(Api.post("PT-LISBONNE", "PT", "Lisbonne", "2015-01-01", List.of("CV", "ST"))).post("/posts")
                .then().statusCode(201);
        asAdmin().header("If-Match", etag(1)).body(Map.of("countries", List.of("PT", "ST"), "effectiveOn", "2020-06-01"))
                .put("/posts/PT-LISBONNE/coverage").then().statusCode(200).header("ETag", "\"2\"")
                .body("countries", contains("PT", "ST"));
        asAdmin().body(Api.post("GW-BISSAU", "GW", "Bissau", "2020-06-01", List.of("CV"))).post("/posts")
                .then().statusCode(201);

        Api.as(Api.PARTNER_EU).get("/countries/CV/post").then().statusCode(200)
                .body("postId", is("GW-BISSAU")).body("coveredFrom", is("2020-06-01")).body("coveredUntil", nullValue())
                .body("post.coverage", contains("CV", "GW"));
        Api.as(Api.OFFICER).queryParam("on", "2018-03-15").get("/countries/CPV/post").then().statusCode(200)
                .body("country", is("CV")).body("postId", is("PT-LISBONNE"))
                .body("coveredFrom", is("2015-01-01")).body("coveredUntil", is("2020-06-01"));
        Api.as(Api.OFFICER).queryParam("on", "2020-06-01").get("/countries/CV/post").then().statusCode(200)
                .body("postId", is("GW-BISSAU"));
        Api.as(Api.OFFICER).queryParam("on", "2010-01-01").get("/countries/CV/post").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no post covered CV on 2010-01-01"));
        Api.as(Api.OFFICER).queryParam("on", "yesterday").get("/countries/CV/post").then().statusCode(400)
                .body("violations[0].field", is("on"));

        Api.as(Api.ANALYST).queryParam("on", "2019-01-01").get("/posts/PT-LISBONNE/coverage").then().statusCode(200)
                .body("countries", contains("CV", "PT", "ST"))
                .body("history.find { it.country == 'CV' }.validTo", is("2020-06-01"));
        // a post claiming a country before the previous coverage ended would rewrite history
        asAdmin().header("If-Match", etag(1)).body(Map.of("countries", List.of("GW", "CV", "ST"), "effectiveOn", "2020-06-01"))
                .put("/posts/GW-BISSAU/coverage").then().statusCode(409).body("detail", containsString("PT-LISBONNE"));
    }

    @Test
    void suspendsReopensAndClosesAPostReleasingItsCoverage() {
        asAdmin().body(Api.post("IS-REYKJAVIK", "IS", "Reykjavik", "2018-09-01", List.of())).post("/posts")
                .then().statusCode(201);
        asAdmin().header("If-Match", etag(1)).body(Map.of("status", "SUSPENDED", "on", "2024-01-10"))
                .put("/posts/IS-REYKJAVIK/status").then().statusCode(200).body("status", is("SUSPENDED")).header("ETag", "\"2\"");
        asAdmin().header("If-Match", etag(2)).body(Map.of("status", "SUSPENDED"))
                .put("/posts/IS-REYKJAVIK/status").then().statusCode(422).body("violations[0].field", is("status"));
        asAdmin().header("If-Match", etag(2)).body(Map.of("status", "OPEN", "on", "2024-03-01"))
                .put("/posts/IS-REYKJAVIK/status").then().statusCode(200).body("status", is("OPEN"));
        asAdmin().header("If-Match", etag(3)).body(Map.of("status", "CLOSED", "on", "2025-01-31"))
                .put("/posts/IS-REYKJAVIK/status").then().statusCode(200).body("status", is("CLOSED"))
                .body("closedOn", is("2025-01-31")).body("coverage.size()", is(0));
        Api.as(Api.OFFICER).get("/countries/IS/post").then().statusCode(404);
        Api.as(Api.OFFICER).queryParam("on", "2025-01-30").get("/countries/IS/post").then().statusCode(200)
                .body("postId", is("IS-REYKJAVIK"));
        asAdmin().header("If-Match", etag(4)).body(Map.of("city", "Reykjavik", "embassy", "x"))
                .put("/posts/IS-REYKJAVIK").then().statusCode(422);
    }

    @Test
    void staleOrMissingIfMatchIsRefused() {
        asAdmin().body(Api.post("MT-LA-VALETTE", "MT", "La Valette", "2019-09-01", List.of())).post("/posts")
                .then().statusCode(201);
        Map<String, Object> update = Map.of("city", "La Valette", "embassy", "Ambassade de France à Malte");
        asAdmin().header("If-Match", etag(1)).body(update).put("/posts/MT-LA-VALETTE").then().statusCode(200);
        asAdmin().header("If-Match", etag(1)).body(Map.of("city", "Valletta", "embassy", "stale"))
                .put("/posts/MT-LA-VALETTE").then().statusCode(412).contentType("application/problem+json")
                .body("status", is(412)).body("title", notNullValue());
        asAdmin().body(update).put("/posts/MT-LA-VALETTE").then().statusCode(428).contentType("application/problem+json");
        asAdmin().header("If-Match", etag(1)).body(Map.of("countries", List.of("MT")))
                .put("/posts/MT-LA-VALETTE/coverage").then().statusCode(412);
        Api.as(Api.OFFICER).get("/posts/MT-LA-VALETTE").then().body("city", is("La Valette")).body("version", is(2));
    }

    @Test
    void tokensAndRolesAreChecked() {
        given().get("/posts").then().statusCode(401).contentType("application/problem+json").body("status", is(401))
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().oauth2("not-a-token").get("/posts").then().statusCode(401).contentType("application/problem+json")
                .body("status", is(401)).header("WWW-Authenticate", startsWith("Bearer"));
        given().get("/countries/SN").then().statusCode(401).contentType("application/problem+json")
                .body("instance", is("/countries/SN"));
        given().contentType("application/json").body(Api.post("SK-BRATISLAVA", "SK", "Bratislava", "2019-09-01", List.of()))
                .post("/posts").then().statusCode(401).contentType("application/problem+json").body("status", is(401));

        for (String reader : List.of(Api.OFFICER, Api.PARTNER_EU, Api.ANALYST, "eu-mission-system")) {
            Api.as(reader).get("/network/summary").then().statusCode(200);
            Api.as(reader).body(Api.post("SK-BRATISLAVA", "SK", "Bratislava", "2019-09-01", List.of()))
                    .post("/posts").then().statusCode(403).contentType("application/problem+json")
                    .body("status", is(403)).body("type", is("https://dcis.example/problems/forbidden"))
                    .body("title", is("Forbidden")).body("detail", notNullValue()).body("instance", is("/posts"));
        }
        Api.as(Api.OFFICER).get("/posts/SK-BRATISLAVA").then().statusCode(404);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyOpensOnePost() {
        String key = UUID.randomUUID().toString();
        var body = Api.post("SI-LJUBLJANA", "SI", "Ljubljana", "2017-09-01", List.of());
        asAdmin().header("Idempotency-Key", key).body(body).post("/posts").then().statusCode(201).body("version", is(1));
        asAdmin().header("Idempotency-Key", key).body(body).post("/posts").then().statusCode(201)
                .body("id", equalTo("SI-LJUBLJANA"));
        asAdmin().body(body).post("/posts").then().statusCode(409);
    }

    private static void assertThatLocationEndsWith(String location, String suffix) {
        org.assertj.core.api.Assertions.assertThat(location).endsWith(suffix);
    }
}

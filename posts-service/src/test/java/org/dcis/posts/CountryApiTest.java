package org.dcis.posts;

import static org.dcis.posts.support.Api.asAdmin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.dcis.posts.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Countries come from ICU: every ISO 3166-1 code, names in English and French, UN M49 continent and region. */
@QuarkusTest
class CountryApiTest {

    @Test
    void listsEveryIso3166CountryAndNoGroupings() {
        Api.as(Api.OFFICER).queryParam("size", 200).get("/countries").then().statusCode(200)
                .body("total", is(249)).body("items.size()", is(200)).body("items[0].code", is("AD"));
        Api.as(Api.OFFICER).queryParam("size", 200).queryParam("page", 1).get("/countries").then().statusCode(200)
                .body("items.size()", is(49))
                .body("items.code", not(hasItem("XK"))).body("items.code", not(hasItem("ZZ")));
        for (String notACountry : List.of("EU", "UN", "QO", "ZZ", "XK", "DG")) {
            Api.as(Api.OFFICER).get("/countries/" + notACountry).then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void describesACountryByAlpha2OrAlpha3() {
        Api.as(Api.PARTNER_EU).get("/countries/ci").then().statusCode(200)
                .body("code", is("CI")).body("alpha3", is("CIV")).body("numeric", is("384"))
                .body("nameEn", is("Côte d’Ivoire")).body("nameFr", is("Côte d’Ivoire"))
                .body("continent.code", is("002")).body("continent.name", is("Africa"))
                .body("region.code", is("011")).body("region.name", is("Western Africa"));
        Api.as(Api.PARTNER_EU).get("/countries/DEU").then().statusCode(200)
                .body("code", is("DE")).body("nameFr", is("Allemagne")).body("continent.name", is("Europe"));
    }

    @Test
    void filtersSortsAndShowsTheCoveringPost() {
        asAdmin().body(Api.post("PY-ASUNCION", "PY", "Asuncion", "2018-09-01", List.of("UY"))).post("/posts").then().statusCode(201);
        Api.as(Api.OFFICER).queryParam("text", "uruguay").get("/countries").then().statusCode(200)
                .body("items.code", contains("UY")).body("items[0].coveredBy", is("PY-ASUNCION"));
        Api.as(Api.OFFICER).get("/countries/UY").then().body("coveredBy", is("PY-ASUNCION"));
        Api.as(Api.OFFICER).queryParam("text", "allemagne").get("/countries").then().body("items.code", contains("DE"));
        Api.as(Api.OFFICER).queryParam("continent", "Americas").queryParam("covered", "true").queryParam("size", 200)
                .get("/countries").then().statusCode(200)
                .body("items.code", hasItem("UY")).body("items.continent.code", everyItem(is("019")));
        Api.as(Api.OFFICER).queryParam("continent", "019").queryParam("region", "South America").queryParam("size", 200)
                .queryParam("covered", "false").get("/countries").then().statusCode(200)
                .body("items.code", not(hasItem("UY"))).body("items.coveredBy", everyItem(nullValue()))
                .body("total", greaterThan(5));
        Api.as(Api.OFFICER).queryParam("sort", "nameFr,desc").queryParam("size", 1).get("/countries").then()
                .body("items[0].nameFr", is("Zimbabwe"));
        List<String> french = Api.as(Api.OFFICER).queryParam("sort", "nameFr").queryParam("size", 200).get("/countries")
                .then().extract().jsonPath().getList("items.nameFr", String.class);
        org.assertj.core.api.Assertions.assertThat(french.indexOf("Égypte")).isLessThan(french.indexOf("Espagne"));
        org.assertj.core.api.Assertions.assertThat(french.indexOf("Espagne")).isLessThan(french.indexOf("États-Unis"));
        org.assertj.core.api.Assertions.assertThat(french.indexOf("États-Unis")).isLessThan(french.indexOf("Fidji"));
        Api.as(Api.OFFICER).queryParam("continent", "Atlantis").get("/countries").then().statusCode(400)
                .body("violations[0].field", is("continent"));
        Api.as(Api.OFFICER).queryParam("covered", "maybe").get("/countries").then().statusCode(400)
                .body("violations[0].field", is("covered"));
    }

    @Test
    void networkSummaryCountsPostsOfficersAndCoverage() {
        asAdmin().body(Api.post("NZ-WELLINGTON", "NZ", "Wellington", "2019-09-01", List.of("CK", "NU"))).post("/posts")
                .then().statusCode(201);
        asAdmin().body(Api.assignment("GN-920001", "NZ-WELLINGTON", "HEAD_OF_SERVICE", "2024-09-01")).post("/assignments")
                .then().statusCode(201);
        var summary = Api.as(Api.PARTNER_EU).get("/network/summary").then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(summary.getInt("posts.total")).isPositive();
        org.assertj.core.api.Assertions.assertThat(summary.getInt("officers.byForce.GENDARMERIE_NATIONALE")).isPositive();
        org.assertj.core.api.Assertions.assertThat(summary.getInt("officers.byRole.HEAD_OF_SERVICE")).isPositive();
        org.assertj.core.api.Assertions.assertThat(summary.getInt("countries.total")).isEqualTo(249);
        org.assertj.core.api.Assertions.assertThat(summary.getInt("countries.byContinent.find { it.code == '009' }.covered"))
                .isGreaterThanOrEqualTo(3);
        org.assertj.core.api.Assertions.assertThat(summary.getInt("countries.byContinent.find { it.code == '009' }.total"))
                .isGreaterThan(20);
        int covered = Api.as(Api.OFFICER).queryParam("covered", "true").get("/countries").then().extract().path("total");
        org.assertj.core.api.Assertions.assertThat(summary.getInt("countries.covered")).isEqualTo(covered);
        int posts = Api.as(Api.OFFICER).get("/posts").then().extract().path("total");
        org.assertj.core.api.Assertions.assertThat(summary.getInt("posts.total")).isEqualTo(posts);
    }
}

package org.dcis.cooperation.missions;

import static org.dcis.cooperation.support.Api.ADMIN;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The mission reference list: seeded by Flyway, kept by registry-admin, read by officers and HQ. */
@QuarkusTest
class MissionApiTest {
    @Test
    void seededMissionsAreListedAndFiltered() {
        as(DAKAR).queryParam("organisation", "EU").queryParam("size", 200).get("/missions").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(4))
                .body("items.code", hasItems("EUCAP-SAHEL-NIGER", "EUCAP-SAHEL-MALI", "EUAM-UKRAINE", "EULEX-KOSOVO"));
        as(ANALYST).queryParam("country", "CF").get("/missions").then().body("items.code", contains("MINUSCA-UNPOL"));
        as(ANALYST).get("/missions/UNODC-CRIMJUST").then().statusCode(200).header("ETag", "\"1\"")
                .body("organisation", is("UN")).body("hostCountries", hasItem("CO"));
        as(ANALYST).get("/missions/NOPE").then().statusCode(404);
    }

    @Test
    void registryAdminAddsAndRevisesMissionsAndNobodyElseDoes() {
        String code = "EUCAP-TEST-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "EUCAP test mission");
        body.put("organisation", "EU");
        body.put("hostCountries", List.of("SO"));
        body.put("startsOn", "2012-07-16");
        as(DAKAR).body(body).post("/missions").then().statusCode(403);
        as(ADMIN).body(body).post("/missions").then().statusCode(201).header("ETag", "\"1\"").body("code", is(code));
        as(ADMIN).body(body).post("/missions").then().statusCode(409);

        Map<String, Object> terms = new LinkedHashMap<>(body);
        terms.remove("code");
        terms.put("hostCountries", List.of("SO", "KE"));
        as(DAKAR).header("If-Match", "\"1\"").body(terms).put("/missions/" + code).then().statusCode(403);
        as(ADMIN).header("If-Match", "\"1\"").body(terms).put("/missions/" + code).then().statusCode(200)
                .header("ETag", "\"2\"").body("hostCountries", contains("KE", "SO"));
        as(ADMIN).header("If-Match", "\"1\"").body(terms).put("/missions/" + code).then().statusCode(412);

        Map<String, Object> bad = new LinkedHashMap<>(terms);
        bad.put("hostCountries", List.of("SOM"));
        as(ADMIN).header("If-Match", "\"2\"").body(bad).put("/missions/" + code).then().statusCode(400)
                .body("violations[0].field", is("hostCountries[0]"));
        bad.put("hostCountries", List.of("SO"));
        bad.put("endsOn", "2000-01-01");
        as(ADMIN).header("If-Match", "\"2\"").body(bad).put("/missions/" + code).then().statusCode(422)
                .body("violations[0].field", is("endsOn"));
        as(ANALYST).queryParam("targetId", code).get("/audit").then().body("total", is(2));
    }
}

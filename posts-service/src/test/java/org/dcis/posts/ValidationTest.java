package org.dcis.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.posts.support.Api.asAdmin;
import static org.dcis.posts.support.Api.etag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.dcis.posts.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Bad input is a 400/422 problem naming the field, and leaves nothing half-written. */
@QuarkusTest
class ValidationTest {
    @Inject
    EntityManager entityManager;

    @Test
    void anUnknownCountryCodeIsNamedByItsIndex() {
        long outboxBefore = outboxRows();
        asAdmin().body(Api.post("BE-BRUXELLES", "BE", "Bruxelles", "2003-09-01", List.of("NL", "QQ", "EU")))
                .post("/posts").then().statusCode(400).contentType("application/problem+json")
                .body("type", is("https://dcis.example/problems/validation"))
                .body("instance", is("/posts"))
                .body("violations.field", hasItem("coverage[1]"))
                .body("violations.field", hasItem("coverage[2]"))
                .body("violations[0].message", containsString("unknown ISO 3166-1 country code: QQ"));
        asAdmin().body(Api.post("XK-PRISTINA", "XK", "Pristina", "2003-09-01", List.of()))
                .post("/posts").then().statusCode(400).body("violations[0].field", is("hostCountry"));
        assertNothingWritten("BE-BRUXELLES", outboxBefore);
    }

    @Test
    void anEndBeforeTheStartIsABrokenRule() {
        asAdmin().body(Api.post("NL-LA-HAYE", "NL", "La Haye", "2010-09-01", List.of())).post("/posts").then().statusCode(201);
        long outboxBefore = outboxRows();
        Map<String, Object> body = new HashMap<>(Api.assignment("PN-800001", "NL-LA-HAYE", "DEPUTY", "2024-09-01"));
        body.put("endsOn", "2024-08-31");
        asAdmin().body(body).post("/assignments").then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", is("endsOn"));
        String id = asAdmin().body(Api.assignment("PN-800001", "NL-LA-HAYE", "DEPUTY", "2024-09-01"))
                .post("/assignments").then().statusCode(201).extract().path("id");
        asAdmin().header("If-Match", etag(1)).body(Map.of("endsOn", "2024-01-01")).post("/assignments/" + id + "/end")
                .then().statusCode(422).body("violations[0].field", is("endsOn"));
        Api.as(Api.ANALYST).get("/assignments/" + id).then().body("current", is(true)).body("version", is(1));
        assertThat(outboxRows()).isEqualTo(outboxBefore + 1);
        asAdmin().header("If-Match", etag(2)).body(Map.of("status", "CLOSED", "on", "2001-01-01"))
                .put("/posts/NL-LA-HAYE/status").then().statusCode(422).body("violations[0].field", is("on"));
    }

    @Test
    void anUnknownEnumValueIsNamed() {
        Map<String, Object> body = new HashMap<>(Api.assignment("PN-800002", "NL-LA-HAYE", "AMBASSADOR", "2024-09-01"));
        asAdmin().body(body).post("/assignments").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("role")).body("violations[0].message", containsString("HEAD_OF_SERVICE"));
        Map<String, Object> officer = new HashMap<>(castMap(Api.assignment("PN-800002", "NL-LA-HAYE", "DEPUTY", "2024-09-01").get("officer")));
        officer.put("specialities", List.of("CYBERCRIME", "POACHING"));
        body = new HashMap<>(Api.assignment("PN-800002", "NL-LA-HAYE", "DEPUTY", "2024-09-01"));
        body.put("officer", officer);
        asAdmin().body(body).post("/assignments").then().statusCode(400)
                .body("violations[0].field", containsString("officer.specialities"));
        asAdmin().body(Map.of("status", "HALF_OPEN")).header("If-Match", etag(1)).put("/posts/NL-LA-HAYE/status")
                .then().statusCode(400).body("violations[0].field", is("status"));
        Api.as(Api.ANALYST).queryParam("officerId", "PN-800002").get("/assignments").then().body("total", is(0));
    }

    @Test
    void oversizedOrMissingTextIsNamed() {
        long outboxBefore = outboxRows();
        Map<String, Object> body = new HashMap<>(Api.post("DE-BERLIN", "DE", "B".repeat(121), "2003-09-01", List.of()));
        body.put("embassy", "");
        asAdmin().body(body).post("/posts").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("city"))
                .body("violations.field", hasItem("embassy"))
                .body("violations.field", not(hasItem("id")));
        Map<String, Object> contact = new HashMap<>(Api.post("DE-BERLIN", "DE", "Berlin", "2003-09-01", List.of()));
        contact.put("contact", Map.of("email", "not-an-email"));
        asAdmin().body(contact).post("/posts").then().statusCode(400).body("violations[0].field", is("contact.email"));
        Api.as(Api.OFFICER).queryParam("text", "x".repeat(101)).get("/posts").then().statusCode(400)
                .body("violations[0].field", is("text"));
        assertNothingWritten("DE-BERLIN", outboxBefore);
    }

    @Test
    void malformedJsonAndWrongTypesAreRefused() {
        long outboxBefore = outboxRows();
        asAdmin().body("{\"id\": \"DE-BERLIN\", \"hostCountry\": ").post("/posts").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("body"));
        asAdmin().body("{\"id\": \"DE-BERLIN\", \"hostCountry\": \"DE\", \"city\": \"Berlin\", \"embassy\": \"e\","
                + " \"openedOn\": \"first of May\", \"coverage\": []}").post("/posts").then().statusCode(400)
                .body("violations[0].field", is("openedOn"));
        asAdmin().body("{\"id\": \"DE-BERLIN\", \"hostCountry\": \"DE\", \"city\": \"Berlin\", \"embassy\": \"e\","
                + " \"openedOn\": \"2003-09-01\", \"coverage\": \"AT\"}").post("/posts").then().statusCode(400)
                .body("violations[0].field", is("coverage"));
        asAdmin().body("").post("/posts").then().statusCode(400).contentType("application/problem+json");
        assertNothingWritten("DE-BERLIN", outboxBefore);
    }

    @Test
    void aDomainRuleBrokenMidwayLeavesTheCoverageAsItWas() {
        asAdmin().body(Api.post("HU-BUDAPEST", "HU", "Budapest", "2010-09-01", List.of("SK"))).post("/posts").then().statusCode(201);
        asAdmin().body(Api.post("CZ-PRAGUE", "CZ", "Prague", "2010-09-01", List.of())).post("/posts").then().statusCode(201);
        long outboxBefore = outboxRows();
        // the host country is dropped last in the list: nothing of the change may stay behind
        asAdmin().header("If-Match", etag(1)).body(Map.of("countries", List.of("SK", "CZ"), "effectiveOn", "2020-01-01"))
                .put("/posts/CZ-PRAGUE/coverage").then().statusCode(409).body("detail", containsString("HU-BUDAPEST"));
        asAdmin().header("If-Match", etag(1)).body(Map.of("countries", List.of("SK"), "effectiveOn", "2020-01-01"))
                .put("/posts/HU-BUDAPEST/coverage").then().statusCode(422).body("violations[0].field", is("countries"));
        Api.as(Api.OFFICER).get("/posts/HU-BUDAPEST").then().body("coverage", org.hamcrest.Matchers.contains("HU", "SK"))
                .body("version", is(1));
        Api.as(Api.OFFICER).get("/posts/CZ-PRAGUE").then().body("coverage", org.hamcrest.Matchers.contains("CZ"))
                .body("version", is(1));
        assertThat(outboxRows()).isEqualTo(outboxBefore);
    }

    private void assertNothingWritten(String postId, long outboxBefore) {
        Api.as(Api.OFFICER).get("/posts/" + postId).then().statusCode(404);
        assertThat(outboxRows()).isEqualTo(outboxBefore);
    }

    private long outboxRows() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM outbox_event").getSingleResult()).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}

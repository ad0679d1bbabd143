package org.dcis.cooperation.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.ADMIN;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.action;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.devstack.testing.Problems.assertProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.dcis.cooperation.support.Directory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Request bodies are read strictly (issue 14): a key twice, content after the JSON value, dates that are not
 * ISO strings of years 1 to 9999, enum ordinals, NUL characters and unpaired surrogates are each a 400 problem
 * naming the field, nothing is written, and no problem quotes a Java class or echoes a huge value.
 */
@QuarkusTest
class StrictJsonBodiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void posts() {
        Directory.standardPosts();
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body with one field's JSON replaced by raw text (which may be anything, valid JSON or not). */
    private static String withRaw(Map<String, Object> body, String field, String raw) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, "@@RAW@@");
        return json(copy).replace("\"@@RAW@@\"", raw);
    }

    private static long cases(String text) {
        return as(ANALYST).queryParam("text", text).get("/cases").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private String openCase() {
        return as(DAKAR).body(bilateral(unique("Strict input"), "SN-DAKAR", "SN")).post("/cases").then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aKeyGivenTwiceIsA400NamingTheField() {
        String caseId = openCase();
        String actionId = as(DAKAR).body(action("Strict action")).post("/cases/" + caseId + "/actions").then()
                .statusCode(201).extract().path("id");

        assertProblem(as(DAKAR).header("If-Match", "\"1\"").body("{\"status\":\"IN_PROGRESS\",\"status\":1}")
                .post("/actions/" + actionId + "/status"), 400, "status");
        assertProblem(as(DAKAR).header("If-Match", "\"1\"").body("{\"closedOn\":\"2025-02-01\",\"closedOn\":\"2025-02-02\"}")
                .post("/cases/" + caseId + "/close"), 400, "closedOn");
        String place = json(action("Twice")).replace("\"country\":\"CV\"", "\"country\":\"CV\",\"country\":\"SN\"");
        assertThat(place).contains("\"country\":\"SN\"");
        assertProblem(as(DAKAR).body(place).post("/cases/" + caseId + "/actions"), 400, "place.country");
        String code = "DUP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertProblem(as(ADMIN).body("{\"code\":\"" + code + "\",\"code\":\"" + code + "-B\",\"name\":\"Twice\","
                + "\"organisation\":\"EU\",\"hostCountries\":[\"ML\"],\"startsOn\":\"2020-01-01\"}").post("/missions"),
                400, "code");

        as(ANALYST).get("/actions/" + actionId).then().statusCode(200).body("status", org.hamcrest.Matchers.is("PLANNED"))
                .body("version", org.hamcrest.Matchers.is(1));
        as(ANALYST).get("/cases/" + caseId).then().statusCode(200).body("status", org.hamcrest.Matchers.is("OPEN"));
        as(ANALYST).get("/missions/" + code).then().statusCode(404);
    }

    @Test
    void contentAfterTheJsonValueIsRefused() {
        String title = unique("Trailing");
        String body = json(bilateral(title, "SN-DAKAR", "SN"));
        for (String trailing : List.of(" {}", " garbage", "]", " \"more\"")) {
            assertProblem(as(DAKAR).body(body + trailing).post("/cases"), 400, "body");
        }
        assertThat(cases(title)).isZero();
    }

    @Test
    void datesAreIsoStringsWithAYearFromOneTo9999() {
        String title = unique("Dates");
        Map<String, Object> good = bilateral(title, "SN-DAKAR", "SN");
        for (String date : List.of("20261202", "[2026,12,2]", "\"0000-01-01\"", "\"+99999-01-01\"", "\"-5000-01-01\"",
                "\"2026-02-30\"", "\"2026-1-5\"", "{}", "true")) {
            assertProblem(as(DAKAR).body(withRaw(good, "openedOn", date)).post("/cases"), 400, "openedOn");
        }
        assertThat(cases(title)).isZero();

        String caseId = openCase();
        assertProblem(as(DAKAR).body(withRaw(action("Dates"), "plannedStart", "20261202")).post("/cases/" + caseId + "/actions"),
                400, "plannedStart");
        assertProblem(as(DAKAR).body(withRaw(action("Dates"), "plannedEnd", "[2026,12,2]")).post("/cases/" + caseId + "/actions"),
                400, "plannedEnd");
        String actionId = as(DAKAR).body(action("Dated")).post("/cases/" + caseId + "/actions").then().statusCode(201)
                .extract().path("id");
        assertProblem(as(DAKAR).header("If-Match", "\"1\"").body("{\"status\":\"IN_PROGRESS\",\"on\":20250301}")
                .post("/actions/" + actionId + "/status"), 400, "on");
        assertProblem(as(ADMIN).body("{\"code\":\"DATES-1\",\"name\":\"Dates\",\"organisation\":\"EU\","
                + "\"hostCountries\":[\"ML\"],\"startsOn\":\"+99999-01-01\"}").post("/missions"), 400, "startsOn");
        assertProblem(as(DAKAR).header("If-Match", "\"1\"").body("{\"closedOn\":\"0000-12-31\"}")
                .post("/cases/" + caseId + "/close"), 400, "closedOn");
    }

    @Test
    void enumValuesAreNamesNeverOrdinals() {
        String title = unique("Ordinals");
        Map<String, Object> good = bilateral(title, "SN-DAKAR", "SN");
        assertProblem(as(DAKAR).body(withRaw(good, "framework", "0")).post("/cases"), 400, "framework");
        assertProblem(as(DAKAR).body(withRaw(good, "framework", "\"1\"")).post("/cases"), 400, "framework");
        assertProblem(as(DAKAR).body(withRaw(good, "themes", "[0]")).post("/cases"), 400, "themes[0]");
        assertProblem(as(DAKAR).body(withRaw(good, "handling", "1")).post("/cases"), 400, "handling");
        assertThat(cases(title)).isZero();

        String caseId = openCase();
        assertProblem(as(DAKAR).body(withRaw(action("Ordinal"), "kind", "0")).post("/cases/" + caseId + "/actions"),
                400, "kind");
        String actionId = as(DAKAR).body(action("Ordinal")).post("/cases/" + caseId + "/actions").then().statusCode(201)
                .extract().path("id");
        assertProblem(as(DAKAR).header("If-Match", "\"1\"").body("{\"status\":1}").post("/actions/" + actionId + "/status"),
                400, "status");
    }

    @Test
    void noNulCharacterNorUnpairedSurrogateReachesTheDatabase() {
        String title = unique("Control");
        Map<String, Object> good = bilateral(title, "SN-DAKAR", "SN");
        assertProblem(as(DAKAR).body(withRaw(good, "title", "\"" + title + " \\u0000 NUL\"")).post("/cases"), 400, "title");
        assertProblem(as(DAKAR).body(withRaw(good, "summary", "\"broken \\ud800 half\"")).post("/cases"), 400, "summary");
        assertProblem(as(DAKAR).body(withRaw(good, "expectedReturn", "\"\\udc00\"")).post("/cases"), 400, "expectedReturn");
        assertProblem(as(DAKAR).body(withRaw(good, "countries", "[\"SN\\u0000\"]")).post("/cases"), 400, "countries[0]");
        assertThat(cases(title)).isZero();

        String caseId = openCase();
        Map<String, Object> withNote = action("Outcome with NUL");
        withNote.put("outcomes", List.of(Map.of("indicator", "ARRESTS", "quantity", 2, "note", "@@NOTE@@")));
        assertProblem(as(DAKAR).body(json(withNote).replace("\"@@NOTE@@\"", "\"two\\u0000arrests\""))
                .post("/cases/" + caseId + "/actions"), 400, "outcomes[0].note");
        assertProblem(as(ADMIN).body("{\"code\":\"NUL-1\",\"name\":\"Mission \\u0000\",\"organisation\":\"EU\","
                + "\"hostCountries\":[\"ML\"],\"startsOn\":\"2020-01-01\"}").post("/missions"), 400, "name");
        as(DAKAR).get("/cases/" + caseId + "/actions").then().statusCode(200).body("total", org.hamcrest.Matchers.is(0));

        // a valid pair of surrogates (an emoji) is text like any other
        String emoji = unique("Emoji \ud83d\ude80");
        as(DAKAR).body(bilateral(emoji, "SN-DAKAR", "SN")).post("/cases").then().statusCode(201)
                .body("title", org.hamcrest.Matchers.is(emoji));
    }

    @Test
    void problemsNeverNameJavaClassesNorEchoAHugeValue() {
        String title = unique("Leaks");
        Map<String, Object> good = bilateral(title, "SN-DAKAR", "SN");
        assertProblem(as(DAKAR).body(withRaw(good, "themes", "\"DRUG_TRAFFICKING\"")).post("/cases"), 400, "themes");
        assertProblem(as(DAKAR).body(withRaw(good, "themes", "{\"a\":1}")).post("/cases"), 400, "themes");
        assertProblem(as(DAKAR).body(withRaw(good, "countries", "\"SN\"")).post("/cases"), 400, "countries");
        assertProblem(as(DAKAR).body(withRaw(good, "releasableTo", "[[\"EU\"]]")).post("/cases"), 400, "releasableTo[0]");
        assertProblem(as(DAKAR).body(withRaw(good, "title", "{\"nested\":true}")).post("/cases"), 400, "title");
        assertProblem(as(DAKAR).body("[1,2,3]").post("/cases"), 400);

        String huge = "x".repeat(5 * 1024 * 1024);
        for (String field : List.of("framework", "partnerCountry", "openedOn", "title", "leadPost", "mission")) {
            Response response = as(DAKAR).body(withRaw(good, field, "\"" + huge + "\"")).post("/cases");
            assertProblem(response, 400, field);
        }
        assertProblem(as(DAKAR).body(withRaw(good, "countries", "[\"" + huge + "\"]")).post("/cases"), 400, "countries[0]");
        assertProblem(as(DAKAR).body(withRaw(good, "themes", "[\"" + huge + "\"]")).post("/cases"), 400, "themes[0]");
        Map<String, Object> unknown = new LinkedHashMap<>(good);
        unknown.put("y".repeat(100_000), 1);
        assertProblem(as(DAKAR).body(json(unknown)).post("/cases"), 400);
        assertThat(cases(title)).isZero();
    }
}

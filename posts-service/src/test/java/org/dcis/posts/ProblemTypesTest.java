package org.dcis.posts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.posts.support.Api.asAdmin;
import static org.dcis.posts.support.Api.etag;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.dcis.devstack.testing.DocumentedProblemTypes;
import org.dcis.platform.problem.ProblemType;
import org.dcis.posts.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every error of the service is a problem of the one documented list (docs/conventions.md, "Problem types"):
 * the platform's list is the documented one, and a failing request of each kind the service can answer gets
 * a type of that list, with its status and title.
 */
@QuarkusTest
class ProblemTypesTest {
    private static final String BASE = "https://dcis.example/problems/";

    @Test
    void thePlatformListIsTheDocumentedList() {
        Map<String, Integer> platform = Arrays.stream(ProblemType.values())
                .collect(Collectors.toMap(ProblemType::slug, ProblemType::status, (a, b) -> a, LinkedHashMap::new));
        assertThat(platform).isEqualTo(DocumentedProblemTypes.read());
    }

    @Test
    void everyProblemTheServiceAnswersIsOfTheDocumentedList() {
        asAdmin().body(Api.post("TH-BANGKOK", "TH", "Bangkok", "2009-09-01", List.of())).post("/posts").then().statusCode(201);
        Map<String, Object> unknownField = new HashMap<>(Api.post("LA-VIENTIANE", "LA", "Vientiane", "2009-09-01", List.of()));
        unknownField.put("colour", "blue");

        Map<String, Supplier<Response>> requests = new LinkedHashMap<>();
        requests.put("validation", () -> Api.as(Api.OFFICER).queryParam("size", 500).get("/posts"));
        requests.put("validation of a body", () -> asAdmin().body(Map.of("city", "")).header("If-Match", etag(1))
                .put("/posts/TH-BANGKOK"));
        requests.put("malformed-json", () -> asAdmin().body("{\"id\": ").post("/posts"));
        requests.put("validation of an unknown field", () -> asAdmin().body(unknownField).post("/posts"));
        requests.put("unauthenticated", () -> given().get("/posts"));
        requests.put("forbidden", () -> Api.as(Api.OFFICER).body(Api.post("LA-VIENTIANE", "LA", "Vientiane", "2009-09-01",
                List.of())).post("/posts"));
        requests.put("not-found", () -> Api.as(Api.OFFICER).get("/posts/LA-NOWHERE"));
        requests.put("not-found of a path", () -> Api.as(Api.OFFICER).get("/no-such-path"));
        requests.put("method-not-allowed", () -> asAdmin().delete("/posts"));
        requests.put("not-acceptable", () -> Api.as(Api.OFFICER).accept("text/csv").get("/posts"));
        requests.put("conflict", () -> asAdmin().body(Api.post("TH-BANGKOK", "TH", "Bangkok", "2009-09-01", List.of()))
                .post("/posts"));
        requests.put("stale-version", () -> asAdmin().header("If-Match", etag(7))
                .body(Map.of("city", "Bangkok", "embassy", "Ambassade de France en Thaïlande")).put("/posts/TH-BANGKOK"));
        requests.put("unsupported-media-type", () -> asAdmin().contentType("text/plain").body("TH-BANGKOK").post("/posts"));
        requests.put("rule-broken", () -> asAdmin().header("If-Match", etag(1)).body(Map.of("status", "OPEN"))
                .put("/posts/TH-BANGKOK/status"));
        requests.put("version-required", () -> asAdmin().body(Map.of("city", "Bangkok", "embassy", "Ambassade"))
                .put("/posts/TH-BANGKOK"));

        Map<String, Integer> documented = DocumentedProblemTypes.read();
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, Supplier<Response>> request : requests.entrySet()) {
            String expected = request.getKey().split(" ")[0];
            Response response = request.getValue().get();
            String what = request.getKey() + ": " + response.asString();
            softly.assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            String type = response.jsonPath().getString("type");
            softly.assertThat(type).as(what).startsWith(BASE);
            String slug = type == null ? "" : type.substring(BASE.length());
            softly.assertThat(documented).as(what).containsKey(slug);
            softly.assertThat(slug).as(what).isEqualTo(expected);
            softly.assertThat(response.statusCode()).as(what).isEqualTo(documented.get(expected));
            softly.assertThat(response.jsonPath().getInt("status")).as(what).isEqualTo(response.statusCode());
            softly.assertThat(response.jsonPath().getString("title")).as(what)
                    .isEqualTo(ProblemType.ofSlug(expected).map(ProblemType::title).orElse("?"));
        }
        softly.assertAll();
        Api.as(Api.OFFICER).get("/posts/LA-VIENTIANE").then().statusCode(404);
    }

    @Test
    void anUnknownFieldIsNamed() {
        Map<String, Object> body = new HashMap<>(Api.post("KH-PHNOM-PENH", "KH", "Phnom Penh", "2009-09-01", List.of()));
        body.put("colour", "blue");
        asAdmin().body(body).post("/posts").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.is("colour"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("unknown field"));
        Api.as(Api.OFFICER).get("/posts/KH-PHNOM-PENH").then().statusCode(404);
    }
}

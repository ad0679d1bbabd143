package org.dcis.cooperation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.cooperation.support.Api.ADMIN;
import static org.dcis.cooperation.support.Api.ANALYST;
import static org.dcis.cooperation.support.Api.BOGOTA;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.PARTNER_EU;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.bilateral;
import static org.dcis.cooperation.support.Cases.with;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.dcis.cooperation.support.Directory;
import org.dcis.devstack.testing.DocumentedProblemTypes;
import org.dcis.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Every problem this service answers has a type of the one documented list (docs/conventions.md, "Problem
 * types"): the platform's list is that table, and a representative failing request of each kind gets a
 * type from it, with the status the table gives that type.
 */
@QuarkusTest
class ProblemTypesTest {
    private static final Map<String, Integer> DOCUMENTED = DocumentedProblemTypes.read();

    @Test
    void thePlatformsListIsTheDocumentedOne() {
        Map<String, Integer> platform = Arrays.stream(ProblemType.values())
                .collect(Collectors.toMap(ProblemType::slug, ProblemType::status, (a, b) -> a, LinkedHashMap::new));
        assertThat(platform).containsExactlyEntriesOf(DOCUMENTED);
    }

    @Test
    void everyFailureOfTheServiceHasADocumentedType() {
        Directory.standardPosts();
        String caseId = as(DAKAR).body(bilateral("Problem types " + UUID.randomUUID(), "SN-DAKAR", "SN")).post("/cases")
                .then().statusCode(201).extract().path("id");
        var good = bilateral("Problem types", "SN-DAKAR", "SN");

        Map<String, Supplier<Response>> failures = new LinkedHashMap<>();
        failures.put("400 validation (bean constraint)", () -> as(DAKAR).body(with(good, "title", "x".repeat(201))).post("/cases"));
        failures.put("400 validation (unknown enum value)", () -> as(DAKAR).body(with(good, "themes", List.of("GAMBLING"))).post("/cases"));
        failures.put("400 validation (unknown field)", () -> as(DAKAR).body(with(good, "partnerCountyr", "SN")).post("/cases"));
        failures.put("400 validation (query parameter)", () -> as(ANALYST).queryParam("sort", "summary").get("/cases"));
        failures.put("400 validation (If-Match)", () -> as(DAKAR).header("If-Match", "\"abc\"").body(good).put("/cases/" + caseId));
        failures.put("400 malformed-json", () -> as(DAKAR).contentType(ContentType.JSON).body("{\"title\": ").post("/cases"));
        failures.put("401 unauthenticated", () -> given().get("/cases"));
        failures.put("403 forbidden (role)", () -> as(PARTNER_EU).get("/cases"));
        failures.put("403 forbidden (post)", () -> as(BOGOTA).header("If-Match", "\"1\"").body(good).put("/cases/" + caseId));
        failures.put("404 not-found (resource)", () -> as(ANALYST).get("/cases/" + UUID.randomUUID()));
        failures.put("404 not-found (path)", () -> as(ANALYST).get("/no-such-path"));
        failures.put("405 method-not-allowed", () -> as(ANALYST).delete("/cases"));
        failures.put("406 not-acceptable", () -> as(ANALYST).accept("application/xml").get("/cases"));
        failures.put("409 conflict", () -> as(ADMIN).body(Map.of("code", "EUCAP-SAHEL-MALI", "name", "Again",
                "organisation", "EU", "hostCountries", List.of("ML"), "startsOn", "2015-01-15")).post("/missions"));
        failures.put("412 stale-version", () -> as(DAKAR).header("If-Match", "\"7\"").body(good).put("/cases/" + caseId));
        failures.put("415 unsupported-media-type", () -> as(DAKAR).contentType(ContentType.TEXT).body("a case").post("/cases"));
        failures.put("422 rule-broken", () -> as(DAKAR).body(with(good, "openedOn", "2999-01-01")).post("/cases"));
        failures.put("428 version-required", () -> as(DAKAR).body(good).put("/cases/" + caseId));

        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, Supplier<Response>> failure : failures.entrySet()) {
            String name = failure.getKey();
            int expectedStatus = Integer.parseInt(name.substring(0, 3));
            String expectedSlug = name.substring(4).split(" ")[0];
            Response response = failure.getValue().get();
            softly.assertThat(response.statusCode()).as("%s: status", name).isEqualTo(expectedStatus);
            softly.assertThat(response.contentType()).as("%s: content type", name).startsWith("application/problem+json");
            String type = response.jsonPath().getString("type");
            softly.assertThat(type).as("%s: type", name).startsWith(ProblemType.BASE);
            String slug = type == null ? null : type.substring(type.lastIndexOf('/') + 1);
            softly.assertThat(DOCUMENTED).as("%s: documented type", name).containsKey(slug);
            softly.assertThat(slug).as("%s: slug", name).isEqualTo(expectedSlug);
            softly.assertThat(DOCUMENTED.get(slug)).as("%s: the status the table gives %s", name, slug)
                    .isEqualTo(response.statusCode());
            softly.assertThat(response.jsonPath().getInt("status")).as("%s: status field", name)
                    .isEqualTo(response.statusCode());
            softly.assertThat(response.jsonPath().getString("title")).as("%s: title", name)
                    .isEqualTo(ProblemType.ofSlug(slug).map(ProblemType::title).orElse("?"));
        }
        softly.assertAll();
    }

    @Test
    void theProblemExamplesOfTheOpenApiDocumentHaveDocumentedTypes() {
        String type = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath()
                .getString("paths.'/cases'.post.responses.'422'.content.'application/problem+json'.examples.coverage.value.type");
        assertThat(type).isEqualTo(ProblemType.BASE + "rule-broken");
    }

    /** Only the platform spells a problem type or builds a problem: the service throws its DomainExceptions. */
    @Test
    void noSourceOfTheServiceBuildsAProblemItself() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        try (Stream<Path> files = Files.walk(sources)) {
            List<Path> java = files.filter(f -> f.toString().endsWith(".java")).toList();
            assertThat(java).hasSizeGreaterThan(40);
            for (Path file : java) {
                String text = Files.readString(file);
                assertThat(text).as(file.toString()).doesNotContain("dcis.example/problems/").doesNotContain("new Problem(")
                        .doesNotContain("Problem.of(");
            }
        }
    }
}

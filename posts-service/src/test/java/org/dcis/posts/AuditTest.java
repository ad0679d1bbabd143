package org.dcis.posts;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.posts.support.Api.asAdmin;
import static org.dcis.posts.support.Api.etag;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dcis.devstack.KeycloakTokens;
import org.dcis.posts.support.Api;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Every write of the registry leaves an audit record in its own transaction (who, when, what, before and
 * after), readable by HQ analysts only at {@code GET /audit}.
 */
@QuarkusTest
class AuditTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyWriteOfAPostAndItsAssignmentsIsRecordedWithWhoAndWhat() throws Exception {
        Instant start = Instant.now();
        String admin = KeycloakTokens.claims(Api.token(Api.ADMIN)).path("sub").asText();
        assertThat(admin).isNotBlank();

        asAdmin().body(Api.post("JP-TOKYO", "JP", "Tokyo", "2008-09-01", List.of())).post("/posts").then().statusCode(201);
        asAdmin().header("If-Match", etag(1)).body(Map.of("city", "Tokyo", "embassy", "Ambassade de France au Japon"))
                .put("/posts/JP-TOKYO").then().statusCode(200);
        asAdmin().header("If-Match", etag(2)).body(Map.of("status", "SUSPENDED", "on", "2024-01-10"))
                .put("/posts/JP-TOKYO/status").then().statusCode(200);
        asAdmin().header("If-Match", etag(3)).body(Map.of("status", "OPEN", "on", "2024-02-10"))
                .put("/posts/JP-TOKYO/status").then().statusCode(200);
        asAdmin().header("If-Match", etag(4)).body(Map.of("countries", List.of("JP", "PW"), "effectiveOn", "2024-03-01"))
                .put("/posts/JP-TOKYO/coverage").then().statusCode(200);
        String assignment = asAdmin().body(Api.assignment("GN-830001", "JP-TOKYO", "HEAD_OF_SERVICE", "2024-09-01"))
                .post("/assignments").then().statusCode(201).extract().path("id");
        asAdmin().header("If-Match", etag(1)).body(Map.of("endsOn", "2025-08-31")).post("/assignments/" + assignment + "/end")
                .then().statusCode(200);
        asAdmin().header("If-Match", etag(7)).body(Map.of("status", "CLOSED", "on", "2025-09-30"))
                .put("/posts/JP-TOKYO/status").then().statusCode(200);
        // refused writes change nothing, so they leave no record either
        asAdmin().header("If-Match", etag(7)).body(Map.of("city", "Kyoto", "embassy", "x")).put("/posts/JP-TOKYO")
                .then().statusCode(412);
        asAdmin().header("If-Match", etag(8)).body(Map.of("city", "Kyoto", "embassy", "x")).put("/posts/JP-TOKYO")
                .then().statusCode(422);

        JsonPath post = Api.as(Api.ANALYST).queryParam("targetType", "post").queryParam("targetId", "JP-TOKYO")
                .queryParam("sort", "id").queryParam("size", 50).get("/audit").then().statusCode(200).extract().jsonPath();
        assertThat(post.getList("items.operation", String.class)).containsExactly("post.opened", "post.updated",
                "post.suspended", "post.reopened", "post.coverage-changed", "post.staff-changed", "post.staff-changed",
                "post.closed");
        assertThat(post.getInt("total")).isEqualTo(8);
        assertThat(post.getList("items.subject", String.class)).containsOnly(admin);
        assertThat(post.getList("items.username", String.class)).containsOnly(Api.ADMIN);
        assertThat(post.getList("items.targetType", String.class)).containsOnly("post");
        assertThat(post.getList("items.at", String.class)).allSatisfy(at -> assertThat(Instant.parse(at)).isAfter(start));

        JsonNode opened = change(post, 0);
        assertThat(opened.has("before")).isFalse();
        assertThat(opened.path("after").path("id").asText()).isEqualTo("JP-TOKYO");
        assertThat(opened.path("after").path("version").asInt()).isEqualTo(1);
        assertThat(opened.path("after").path("contact").path("email").asText()).isEqualTo("dsi@example.org");
        JsonNode updated = change(post, 1);
        assertThat(updated.path("before").path("embassy").asText()).isEqualTo("Ambassade de France à Tokyo");
        assertThat(updated.path("after").path("embassy").asText()).isEqualTo("Ambassade de France au Japon");
        assertThat(updated.path("after").path("version").asInt()).isEqualTo(2);
        assertThat(change(post, 2).path("after").path("status").asText()).isEqualTo("SUSPENDED");
        JsonNode coverage = change(post, 4);
        assertThat(coverage.path("before").path("coverage").toString()).isEqualTo("[\"JP\"]");
        assertThat(coverage.path("after").path("coverage").toString()).isEqualTo("[\"JP\",\"PW\"]");
        assertThat(change(post, 5).path("after").path("officerCount").asInt()).isEqualTo(1);
        assertThat(change(post, 6).path("after").path("officerCount").asInt()).isZero();
        assertThat(change(post, 7).path("after").path("closedOn").asText()).isEqualTo("2025-09-30");

        JsonPath officer = Api.as(Api.ANALYST).queryParam("targetType", "assignment").queryParam("targetId", assignment)
                .queryParam("sort", "id").get("/audit").then().statusCode(200).extract().jsonPath();
        assertThat(officer.getList("items.operation", String.class)).containsExactly("assignment.created", "assignment.ended");
        assertThat(officer.getList("items.subject", String.class)).containsOnly(admin);
        // the assignment as the registry stores it: the audit trail is for HQ analysts, who read names anyway
        assertThat(change(officer, 0).path("after").path("officer").path("familyName").asText()).isEqualTo("Testeur");
        assertThat(change(officer, 1).path("before").path("current").asBoolean()).isTrue();
        assertThat(change(officer, 1).path("after").path("endsOn").asText()).isEqualTo("2025-08-31");
    }

    @Test
    void anOfficerRecordChangedByANewAssignmentIsRecorded() throws Exception {
        asAdmin().body(Api.post("KR-SEOUL", "KR", "Seoul", "2008-09-01", List.of())).post("/posts").then().statusCode(201);
        String first = asAdmin().body(Api.assignment("PN-830002", "KR-SEOUL", "DEPUTY", "2022-09-01")).post("/assignments")
                .then().statusCode(201).extract().path("id");
        asAdmin().header("If-Match", etag(1)).body(Map.of("endsOn", "2024-08-31")).post("/assignments/" + first + "/end")
                .then().statusCode(200);
        Map<String, Object> promoted = new HashMap<>(Api.assignment("PN-830002", "KR-SEOUL", "HEAD_OF_SERVICE", "2024-09-01"));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = new HashMap<>((Map<String, Object>) promoted.get("officer"));
        details.put("rank", "Colonel");
        promoted.put("officer", details);
        asAdmin().body(promoted).post("/assignments").then().statusCode(201);

        JsonPath records = Api.as(Api.ANALYST).queryParam("targetType", "officer").queryParam("targetId", "PN-830002")
                .get("/audit").then().statusCode(200).extract().jsonPath();
        assertThat(records.getList("items.operation", String.class)).containsExactly("officer.updated");
        assertThat(change(records, 0).path("before").path("rank").asText()).isEqualTo("Lieutenant-colonel");
        assertThat(change(records, 0).path("after").path("rank").asText()).isEqualTo("Colonel");
    }

    @Test
    void onlyHeadquartersAnalystsReadTheTrail() {
        for (String reader : List.of(Api.OFFICER, Api.ADMIN, Api.PARTNER_EU, "eu-mission-system")) {
            Api.as(reader).get("/audit").then().statusCode(403).contentType("application/problem+json")
                    .body("type", is("https://dcis.example/problems/forbidden"));
        }
        given().get("/audit").then().statusCode(401).contentType("application/problem+json")
                .body("type", is("https://dcis.example/problems/unauthenticated"));
        Api.as(Api.ANALYST).get("/audit").then().statusCode(200);
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/audit'.get.parameters.name", org.hamcrest.Matchers.hasItems("subject", "targetType", "from"));
    }

    @Test
    void theTrailIsFilteredAndPaged() {
        Instant before = Instant.now();
        asAdmin().body(Api.post("MN-OULAN-BATOR", "MN", "Oulan-Bator", "2010-09-01", List.of())).post("/posts").then()
                .statusCode(201);
        for (int version = 1; version <= 4; version++) {
            asAdmin().header("If-Match", etag(version)).body(Map.of("city", "Oulan-Bator " + version, "embassy", "Ambassade"))
                    .put("/posts/MN-OULAN-BATOR").then().statusCode(200);
        }
        Instant after = Instant.now();
        String admin = KeycloakTokens.claims(Api.token(Api.ADMIN)).path("sub").asText();

        Api.as(Api.ANALYST).queryParam("targetId", "MN-OULAN-BATOR").queryParam("subject", admin).queryParam("size", 2)
                .queryParam("page", 1).queryParam("sort", "id").get("/audit").then().statusCode(200)
                .body("total", is(5)).body("page", is(1)).body("size", is(2)).body("items.size()", is(2))
                .body("items[0].operation", is("post.updated")).body("items[0].change", org.hamcrest.Matchers.containsString(
                        "Oulan-Bator 2"));
        // newest first by default
        Api.as(Api.ANALYST).queryParam("targetId", "MN-OULAN-BATOR").get("/audit").then().statusCode(200)
                .body("items[0].change", org.hamcrest.Matchers.containsString("Oulan-Bator 4"))
                .body("items[4].operation", is("post.opened"));
        Api.as(Api.ANALYST).queryParam("targetId", "MN-OULAN-BATOR").queryParam("from", before.toString())
                .queryParam("to", after.toString()).get("/audit").then().body("total", is(5));
        Api.as(Api.ANALYST).queryParam("targetId", "MN-OULAN-BATOR").queryParam("from", after.toString())
                .get("/audit").then().body("total", is(0));
        Api.as(Api.ANALYST).queryParam("targetId", "MN-OULAN-BATOR").queryParam("subject", "someone-else")
                .get("/audit").then().body("total", is(0));
        Api.as(Api.ANALYST).queryParam("targetType", "assignment").queryParam("targetId", "MN-OULAN-BATOR")
                .get("/audit").then().body("total", is(0));
        Api.as(Api.ANALYST).queryParam("sort", "targetId").get("/audit").then().statusCode(400)
                .body("violations[0].field", is("sort"));
        Api.as(Api.ANALYST).queryParam("from", "yesterday").get("/audit").then().statusCode(400)
                .body("violations[0].field", is("from"));
    }

    private static JsonNode change(JsonPath page, int index) throws Exception {
        return JSON.readTree(page.getString("items[" + index + "].change"));
    }
}

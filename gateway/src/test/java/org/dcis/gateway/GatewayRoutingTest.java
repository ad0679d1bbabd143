package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every route works end to end with real Keycloak tokens: the running service behind the gateway gets
 * the request with the prefix stripped, the same Authorization header and the request id, and bodies
 * stream both ways intact.
 */
@QuarkusTest
class GatewayRoutingTest {
    @BeforeEach
    void clear() {
        Services.clearAll();
    }

    @Test
    void postsRouteReachesPostsServiceWithTheSameTokenAndRequestId() {
        String token = Tokens.of("officer.dakar");
        Response response = given().auth().oauth2(token)
                .get("/api/posts/countries?continent=AF&page=0")
                .then().statusCode(200)
                .header("X-Served-By", "posts-service")
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("uri", equalTo("/countries?continent=AF&page=0"))
                .extract().response();
        List<Map<String, Object>> received = Services.POSTS.received();
        assertThat(received).hasSize(1);
        Map<String, Object> headers = headers(received.get(0));
        assertThat(headers.get("authorization")).isEqualTo("Bearer " + token);
        assertThat(headers.get("x-request-id")).isEqualTo(response.header("X-Request-Id"));
        assertThat(Services.COOPERATION.received()).isEmpty();
    }

    @Test
    void cooperationRouteReachesCooperationServiceWithTheSameTokenAndRequestId() {
        String token = Tokens.of("analyst.hq");
        Response response = given().auth().oauth2(token).header("X-Request-Id", "eu-corr-0001-abcdef")
                .get("/api/cooperation/cases/42")
                .then().statusCode(200)
                .header("X-Served-By", "cooperation-service")
                .header("X-Request-Id", "eu-corr-0001-abcdef")
                .body("uri", equalTo("/cases/42"))
                .extract().response();
        Map<String, Object> headers = headers(Services.COOPERATION.received().get(0));
        assertThat(headers.get("authorization")).isEqualTo("Bearer " + token);
        assertThat(headers.get("x-request-id")).isEqualTo(response.header("X-Request-Id"));
        assertThat(Services.POSTS.received()).isEmpty();
    }

    @Test
    void dashboardRouteReachesCooperationServiceUnderDashboard() {
        String token = Tokens.of("analyst.hq");
        given().auth().oauth2(token).accept("text/csv").get("/api/dashboard/counts/theme?from=2025-01-01&to=2025-12-31")
                .then().statusCode(200)
                .header("X-Served-By", "cooperation-service")
                .body("uri", equalTo("/dashboard/counts/theme?from=2025-01-01&to=2025-12-31"));
        Map<String, Object> headers = headers(Services.COOPERATION.received().get(0));
        assertThat(headers.get("authorization")).isEqualTo("Bearer " + token);
        assertThat(headers.get("accept")).isEqualTo("text/csv");
        given().auth().oauth2(Tokens.of("officer.dakar")).get("/api/dashboard")
                .then().statusCode(200).body("uri", equalTo("/dashboard"));
        assertThat(Services.POSTS.received()).isEmpty();
    }

    @Test
    void partnerRouteReachesCooperationServiceUnderPartnerWithTheMissionSystemsToken() {
        String token = Tokens.euMissionSystem();
        given().auth().oauth2(token).get("/api/partner/v1/changes?updatedSince=12.3")
                .then().statusCode(200)
                .header("X-Served-By", "cooperation-service")
                .body("uri", equalTo("/partner/v1/changes?updatedSince=12.3"));
        assertThat(headers(Services.COOPERATION.received().get(0)).get("authorization")).isEqualTo("Bearer " + token);
        // one public path: /api/cooperation/partner/... would pass the partner API by the cooperation row
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/cooperation/partner/v1/cases").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/partner/v1/cases").then().statusCode(403)
                .contentType("application/problem+json");
        assertThat(Services.COOPERATION.received()).hasSize(1);
        assertThat(Services.POSTS.received()).isEmpty();
    }

    @Test
    void theDashboardHasOnePublicPath() {
        // /api/cooperation/dashboard/... would reach the same resource past the dashboard's row of the role table
        for (String path : List.of("/api/cooperation/dashboard", "/api/cooperation/dashboard/summary",
                "/api/cooperation/dashboard/counts/theme")) {
            given().auth().oauth2(Tokens.of("analyst.hq")).get(path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/cooperation/dashboards").then().statusCode(200)
                .body("uri", equalTo("/dashboards"));
        assertThat(Services.COOPERATION.received()).hasSize(1);
        // nobody writes through the dashboard route
        given().auth().oauth2(Tokens.of("officer.dakar")).contentType("application/json").body("{}")
                .post("/api/dashboard/summary").then().statusCode(403).contentType("application/problem+json");
        assertThat(Services.COOPERATION.received()).hasSize(1);
    }

    @Test
    void theBarePrefixReachesTheServiceRoot() {
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/posts")
                .then().statusCode(200).body("uri", equalTo("/"));
    }

    @Test
    void aRequestBodyStreamsToTheServiceIntact() throws Exception {
        byte[] body = new byte[60_000];
        new Random(7).nextBytes(body);
        given().auth().oauth2(Tokens.of("officer.dakar")).contentType("application/octet-stream").body(body)
                .post("/api/cooperation/cases")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/cases"))
                .body("bodyLength", equalTo(body.length))
                .body("bodySha256", equalTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))));
    }

    @Test
    void aLargeAnswerStreamsBackIntact() {
        int size = 5 * 1024 * 1024 + 17;
        byte[] answer = given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/posts/bytes/" + size)
                .then().statusCode(200).extract().asByteArray();
        assertThat(answer).hasSize(size);
    }

    @Test
    void aMachineClientOfTheEuMissionReachesPosts() {
        given().auth().oauth2(Tokens.euMissionSystem()).get("/api/posts/countries")
                .then().statusCode(200).header("X-Served-By", "posts-service");
    }

    @Test
    void anUnknownApiPrefixIsNotFoundForAnAuthenticatedCaller() {
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/unknown/things")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/postsextra")
                .then().statusCode(404);
        assertThat(Services.receivedByAll()).isZero();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> headers(Map<String, Object> received) {
        return (Map<String, Object>) received.get("headers");
    }
}

package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A pooled connection that closes under a request before any answer: a bodyless GET is sent once more
 * on another connection, and only once; a write or a request with a body is never sent twice. The
 * recording service closes the connection on the first request for each {@code /flaky-close/{marker}}
 * and on every {@code /always-close/...} request.
 */
@QuarkusTest
class GatewayRetryTest {
    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void clear() {
        Services.clearAll();
    }

    @Test
    void aGetWhoseConnectionClosesBeforeAnyAnswerIsRetriedOnceAndSucceeds() {
        String marker = UUID.randomUUID().toString();
        String token = Tokens.of("analyst.hq");
        String id = given().auth().oauth2(token).header("X-Request-Id", "retry-" + marker)
                .get("/api/cooperation/flaky-close/" + marker + "?page=2")
                .then().statusCode(200).header("X-Served-By", "cooperation-service")
                .body("uri", equalTo("/flaky-close/" + marker + "?page=2"))
                .extract().header("X-Request-Id");
        List<Map<String, Object>> received = Services.COOPERATION.received();
        assertThat(received).hasSize(2).allSatisfy(request -> {
            assertThat(request.get("method")).isEqualTo("GET");
            assertThat(request.get("uri")).isEqualTo("/flaky-close/" + marker + "?page=2");
            Map<String, Object> headers = GatewayRoutingTest.headers(request);
            assertThat(headers.get("x-request-id")).as("the retry is the same request").isEqualTo(id);
            assertThat(headers.get("authorization")).isEqualTo("Bearer " + token);
            assertThat(headers.get("x-forwarded-prefix")).isEqualTo("/api/cooperation");
        });
    }

    @Test
    void aHeadIsRetriedToo() {
        String marker = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.of("analyst.hq")).head("/api/posts/flaky-close/" + marker)
                .then().statusCode(200);
        assertThat(Services.POSTS.received()).hasSize(2)
                .allSatisfy(request -> assertThat(request.get("method")).isEqualTo("HEAD"));
    }

    @Test
    void aPostIsNeverRetried() {
        String marker = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.of("officer.dakar")).contentType("application/json")
                .body("{\"summary\":\"seizure at the port\"}")
                .post("/api/cooperation/flaky-close/" + marker)
                .then().statusCode(502).contentType("application/problem+json")
                .body("status", equalTo(502))
                .body("detail", containsString("cooperation-service"));
        assertThat(Services.COOPERATION.received()).singleElement()
                .satisfies(request -> assertThat(request.get("method")).isEqualTo("POST"));
    }

    @Test
    void aGetWithABodyIsNeverRetried() throws Exception {
        String marker = UUID.randomUUID().toString();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(gateway.resolve("/api/cooperation/flaky-close/" + marker))
                        .header("Authorization", "Bearer " + Tokens.of("analyst.hq"))
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(20))
                        .method("GET", HttpRequest.BodyPublishers.ofString("{\"filter\":\"drugs\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Services.COOPERATION.received()).singleElement()
                .satisfies(request -> assertThat(((Number) request.get("bodyLength")).intValue()).isPositive());
    }

    @Test
    void aGetWhoseRetryFailsTooGets502AfterExactlyTwoAttempts() {
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/posts/always-close/countries")
                .then().statusCode(502).contentType("application/problem+json")
                .body("status", equalTo(502))
                .body("detail", containsString("posts-service"));
        assertThat(Services.POSTS.received()).hasSize(2)
                .allSatisfy(request -> assertThat(request.get("uri")).isEqualTo("/always-close/countries"));
        // the pool recovers: the next request is answered
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/posts/countries").then().statusCode(200);
    }
}

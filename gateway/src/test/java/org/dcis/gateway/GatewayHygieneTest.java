package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Edge hygiene: spoofed proxy and identity headers never reach a service, the request id is ours
 * unless the caller's is a plain token, oversized bodies get 413, CORS admits only the dashboard, and a
 * stopped or silent service gives a clean problem within the configured timeouts instead of a hang.
 * (Test settings: max body 64 KiB, connect timeout 1 s, response timeout 2 s.)
 */
@QuarkusTest
class GatewayHygieneTest {
    @TestHTTPResource("/")
    URI gateway;

    @BeforeEach
    void clear() {
        Services.clearAll();
    }

    @Test
    void spoofedForwardingAndIdentityHeadersDoNotReachTheService() {
        given().auth().oauth2(Tokens.of("officer.dakar"))
                .header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https")
                .header("Forwarded", "for=6.6.6.6;host=evil.example")
                .header("X-Real-IP", "6.6.6.6")
                .header("X-User", "admin.registry")
                .header("X-Roles", "registry-admin")
                .header("X-Post-Id", "CO-BOGOTA")
                .header("X-Auth-User", "admin.registry")
                .header("X-Authenticated-User", "admin.registry")
                .header("X-Http-Method-Override", "DELETE")
                .header("Accept-Language", "fr")
                .get("/api/cooperation/cases")
                .then().statusCode(200);
        Map<String, Object> headers = GatewayRoutingTest.headers(Services.COOPERATION.received().get(0));
        assertThat(headers).doesNotContainKeys("forwarded", "x-real-ip", "x-user", "x-roles", "x-post-id",
                "x-auth-user", "x-authenticated-user", "x-http-method-override");
        assertThat(headers.get("x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(headers.get("x-forwarded-host")).isEqualTo(gateway.getHost() + ":" + gateway.getPort());
        assertThat(headers.get("x-forwarded-proto")).isEqualTo("http");
        assertThat(headers.get("x-forwarded-prefix")).isEqualTo("/api/cooperation");
        assertThat(headers.values()).noneMatch(value -> String.valueOf(value).contains("6.6.6.6")
                || String.valueOf(value).contains("evil.example"));
        assertThat(headers.get("accept-language")).as("ordinary headers still pass").isEqualTo("fr");
    }

    @Test
    void dotSegmentsCannotSmuggleARequestPastTheRoleTable() throws Exception {
        // partner.eu may read posts but not cooperation: the path is normalized before routing and the
        // role check, and the normalized path is what would be relayed
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (String path : new String[] { "/api/posts/../cooperation/cases", "/api/posts/%2e%2e/cooperation/cases",
                "/api/posts/./../cooperation/cases" }) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway.toString()
                    .replaceAll("/$", "") + path)).header("Authorization", "Bearer " + Tokens.of("partner.eu"))
                    .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(403);
        }
        assertThat(Services.receivedByAll()).isZero();
    }

    @Test
    void anUnsafeRequestIdIsReplacedBeforeItReachesLogsOrServices() {
        String given = "abc\r\nINFO forged log line";
        String id = given().auth().oauth2(Tokens.of("officer.dakar")).header("X-Request-Id", "short")
                .get("/api/posts/countries")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        assertThat(GatewayRoutingTest.headers(Services.POSTS.received().get(0)).get("x-request-id")).isEqualTo(id);
        given().auth().oauth2(Tokens.of("officer.dakar")).header("X-Request-Id", "x".repeat(65))
                .get("/api/posts/countries")
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        assertThat(given).contains("\n"); // the kind of value the pattern keeps out
    }

    @Test
    void refusalsCarryARequestIdToo() {
        given().get("/api/posts/countries").then().statusCode(401)
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("requestId", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aDeclaredOversizedBodyGets413AndNeverReachesTheService() {
        given().auth().oauth2(Tokens.of("officer.dakar")).contentType("application/octet-stream")
                .body(new byte[64 * 1024 + 1])
                .post("/api/cooperation/cases")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
        assertThat(Services.receivedByAll()).isZero();
    }

    @Test
    void aChunkedOversizedBodyIsCutOffWith413() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/cooperation/cases"))
                .header("Authorization", "Bearer " + Tokens.of("officer.dakar"))
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofSeconds(20))
                // an input stream has no known length: the body goes out chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[512 * 1024])))
                .build();
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            // the gateway may close the connection while the client is still sending: then no answer is read
            status = -1;
        }
        assertThat(status).isIn(413, -1);
        // whatever the client saw, the service never got the whole body
        assertThat(Services.COOPERATION.received()).allSatisfy(received ->
                assertThat(((Number) received.get("bodyLength")).longValue()).isLessThanOrEqualTo(64 * 1024));
    }

    @Test
    void anHttp2BodyOfUnknownLengthStreamsToTheService() throws Exception {
        byte[] body = new byte[40_000];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(gateway.resolve("/api/cooperation/cases"))
                .header("Authorization", "Bearer " + Tokens.of("officer.dakar"))
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Services.COOPERATION.received()).singleElement()
                .satisfies(received -> assertThat(((Number) received.get("bodyLength")).intValue()).isEqualTo(body.length));
    }

    @Test
    void aStoppedServiceGives503ProblemWithinTheConnectTimeout() {
        Services.POSTS.stop();
        try {
            long started = System.nanoTime();
            given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/posts/countries")
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("status", equalTo(503))
                    .body("detail", containsString("posts-service"))
                    .body("stackTrace", nullValue());
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
            // the other service is unaffected
            given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/cooperation/cases").then().statusCode(200);
        } finally {
            Services.POSTS.start();
        }
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/posts/countries").then().statusCode(200);
    }

    @Test
    void aSilentServiceGives504ProblemAfterTheResponseTimeout() {
        long started = System.nanoTime();
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/cooperation/silent")
                .then().statusCode(504).contentType("application/problem+json")
                .body("detail", containsString("cooperation-service"));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(1900)).isLessThan(Duration.ofSeconds(6));
    }

    @Test
    void corsAdmitsTheDashboardOriginOnly() {
        given().header("Origin", "http://localhost:8080").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/api/cooperation/cases")
                .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:8080");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/cooperation/cases")
                .then().header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(Tokens.of("analyst.hq")).header("Origin", "https://evil.example")
                .get("/api/posts/countries")
                .then().header("Access-Control-Allow-Origin", nullValue());
        assertThat(Services.receivedByAll()).as("no preflight is relayed").isLessThanOrEqualTo(1);
    }
}

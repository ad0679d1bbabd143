package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The rate limit per token subject: past the bucket a caller gets 429 with Retry-After, other callers
 * are unaffected, and the caller passes again once the bucket has refilled. The limit comes before every
 * refusal of the gateway's own: floods of 403 (role table, /status) and of 401 (no token or an invalid
 * one, counted by address) are throttled too, while the probes never are. Each test uses its own caller.
 */
@QuarkusTest
@TestProfile(GatewayRateLimitTest.SmallBucket.class)
class GatewayRateLimitTest {
    /**
     * 3 requests per 30 seconds: a spent bucket gets its next token after 10 s, far longer than any burst of this
     * test takes on a loaded machine (with 3 per 2 s, a token came back while a slow burst was still running), and
     * short enough to see the recovery.
     */
    public static class SmallBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // profile-prefixed, as in application.properties, where the test profile sets a large bucket
            return Map.of("%test.dcis.gateway.rate-limit.requests", "3", "%test.dcis.gateway.rate-limit.period", "30S");
        }
    }

    @BeforeEach
    void clear() {
        Services.clearAll();
    }

    private static void assertThrottled(Response refused) {
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 10);
    }

    @Test
    void callsRefusedByTheRoleTableAreThrottledToo() {
        // partner.eu may not read cooperation cases: 403 until its bucket is spent, then 429
        String partner = Tokens.of("partner.eu");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(partner).get("/api/cooperation/cases").then().statusCode(403);
        }
        assertThrottled(given().auth().oauth2(partner).get("/api/cooperation/cases"));
        assertThrottled(given().auth().oauth2(partner).delete("/api/posts/posts/SN-DAKAR"));
        assertThat(Services.receivedByAll()).isZero();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(partner).get("/api/cooperation/cases").then().statusCode(403));
    }

    @Test
    void callsRefusedByTheStatusRoleAreThrottledToo() {
        String officer = Tokens.of("officer.dakar");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(officer).get("/status").then().statusCode(403);
        }
        assertThrottled(given().auth().oauth2(officer).get("/status"));
    }

    @Test
    void callsWithoutAValidTokenAreThrottledByAddressAndProbesNeverAre() {
        given().get("/api/posts/countries").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/api/posts/countries").then().statusCode(401);
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/status").then().statusCode(401);
        // the address's bucket is spent, whatever comes next without a valid token
        assertThrottled(given().get("/api/posts/countries"));
        assertThrottled(given().header("Authorization", "Bearer not-a-token").post("/api/cooperation/cases"));
        assertThrottled(given().get("/api/nothing-here"));
        // probes, metrics and the API description stay open
        for (int i = 0; i < 10; i++) {
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);
        }
        given().get("/q/metrics").then().statusCode(200);
        given().get("/openapi.json").then().statusCode(200);
        assertThat(Services.receivedByAll()).isZero();
        // and a caller with a valid token from the same address is counted on its own
        given().auth().oauth2(Tokens.of("admin.registry")).get("/api/posts/countries").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().get("/api/posts/countries").then().statusCode(401));
    }

    @Test
    void aCallerPastTheLimitGets429WithRetryAfterAndRecovers() {
        String partner = Tokens.of("partner.un");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(partner).get("/api/posts/countries").then().statusCode(200);
        }
        Response refused = given().auth().oauth2(partner).get("/api/posts/countries");
        refused.then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 10);

        // the limit is per caller: another subject still passes
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/posts/countries").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(partner).get("/api/posts/countries").then().statusCode(200));
    }
}

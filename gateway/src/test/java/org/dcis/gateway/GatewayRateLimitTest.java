package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The rate limit per token subject: past the bucket a caller gets 429 with Retry-After, other callers
 * are unaffected, and the caller passes again once the bucket has refilled.
 */
@QuarkusTest
@TestProfile(GatewayRateLimitTest.SmallBucket.class)
class GatewayRateLimitTest {
    /** 3 requests per 2 seconds, so the test sees the limit and the recovery quickly. */
    public static class SmallBucket implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // profile-prefixed, as in application.properties, where the test profile sets a large bucket
            return Map.of("%test.dcis.gateway.rate-limit.requests", "3", "%test.dcis.gateway.rate-limit.period", "2S");
        }
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
        org.assertj.core.api.Assertions.assertThat(retryAfter).isBetween(1, 2);

        // the limit is per caller: another subject still passes
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/posts/countries").then().statusCode(200);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(partner).get("/api/posts/countries").then().statusCode(200));
    }
}

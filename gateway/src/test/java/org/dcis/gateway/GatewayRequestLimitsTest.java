package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The gateway refuses an overlong request target (414), an overlarge header section (431) and two
 * Authorization headers (401) itself, with a problem, before any token work or relay; the HTTP codec alone
 * answered the first two with an empty body.
 */
@QuarkusTest
class GatewayRequestLimitsTest {
    @Test
    void aRequestTargetOverFourThousandCharactersIsA414Problem() {
        Response response = given().auth().oauth2(Tokens.of("analyst.hq"))
                .get("/api/posts/posts?city=" + "a".repeat(5_000));
        assertProblem(response, 414, "uri-too-long");
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/posts/posts?city=" + "a".repeat(3_900)).then()
                .statusCode(200);
    }

    @Test
    void headersOverTwentyKibibytesAreA431Problem() {
        assertProblem(given().header("X-Padding", "b".repeat(21_000)).get("/api/posts/posts"), 431, "headers-too-large");
        assertProblem(given().header("Authorization", "Bearer " + "c".repeat(70_000)).get("/api/posts/posts"), 431,
                "headers-too-large");
    }

    @Test
    void twoAuthorizationHeadersAreRefusedEvenWhenTheFirstIsValid() {
        Response response = given().header("Authorization", "Bearer " + Tokens.of("analyst.hq"))
                .header("Authorization", "Bearer forged").get("/api/posts/posts");
        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    private static void assertProblem(Response response, int status, String slug) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).endsWith("/" + slug);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.asString()).doesNotContain("aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc");
    }
}

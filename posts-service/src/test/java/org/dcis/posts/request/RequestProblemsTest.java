package org.dcis.posts.request;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.dcis.posts.support.Api.asAdmin;
import static org.dcis.posts.support.Api.token;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.dcis.devstack.testing.Problems;
import org.dcis.posts.support.Api;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Requests refused as a whole, before any resource reads them (the platform's RequestProblems, the same in
 * both services): each answer is a problem, where Vert.x or RESTEasy alone answered an empty body or accepted.
 */
@QuarkusTest
class RequestProblemsTest {
    @TestHTTPResource("/posts")
    URI posts;

    @Test
    void aRequestTargetOverFourThousandCharactersIsA414Problem() {
        Response response = asAdmin().get("/posts?city=" + "a".repeat(5_000));
        Problems.assertProblem(response, 414);
        assertThat(response.jsonPath().getString("type")).endsWith("/uri-too-long");
        // just under the limit, the same request is read
        asAdmin().get("/posts?city=" + "a".repeat(3_900)).then().statusCode(200);
    }

    @Test
    void headersOverTwentyKibibytesAreA431Problem() {
        Response response = asAdmin().header("X-Padding", "b".repeat(21_000)).get("/posts");
        Problems.assertProblem(response, 431);
        assertThat(response.jsonPath().getString("type")).endsWith("/headers-too-large");
        Problems.assertProblem(asAdmin().header("X-Padding", "b".repeat(70_000)).get("/posts"), 431);
    }

    @Test
    void twoAuthorizationHeadersAreRefusedEvenWhenTheFirstIsValid() {
        Response response = given().header("Authorization", "Bearer " + token(Api.ADMIN))
                .header("Authorization", "Bearer forged").get("/posts");
        Problems.assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aBodyWithoutContentTypeIsA415ProblemNamingTheHeader() throws Exception {
        String body = "{\"id\":\"XX-NOWHERE\",\"hostCountry\":\"FR\"}";
        for (String contentType : new String[] { null, "" }) {
            HttpRequest.Builder request = HttpRequest.newBuilder(posts)
                    .header("Authorization", "Bearer " + token(Api.ADMIN))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"field\":\"Content-Type\"");
            Problems.assertClean(response.body());
        }
        assertThat(asAdmin().get("/posts/XX-NOWHERE").statusCode()).isEqualTo(404);
    }
}

package org.dcis.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The gateway's single API description merges what the two running services publish, under their
 * public prefixes: real operations of each, not a static file.
 */
class GatewayOpenApiIT {

    @Test
    void theAggregatedDescriptionListsRealOperationsOfBothServices() {
        Response response = given().when().get(Stack.GATEWAY + "/openapi.json");

        assertThat(response.statusCode()).as("the API description is public").isEqualTo(200);
        JsonPath document = response.jsonPath();
        assertThat(document.getString("openapi")).startsWith("3.");
        Map<String, Object> paths = document.getMap("paths");
        assertThat(paths).containsKeys(
                "/api/posts/countries", "/api/posts/countries/{code}/post", "/api/posts/posts",
                "/api/posts/posts/{id}/coverage", "/api/posts/network/summary",
                "/api/cooperation/cases", "/api/cooperation/cases/{id}", "/api/cooperation/directory/posts/{id}",
                "/api/dashboard/summary", "/api/dashboard/counts/{by}");
        assertThat(paths.keySet()).as("every path sits under a public prefix")
                .allMatch(p -> p.startsWith("/api/posts/") || p.startsWith("/api/cooperation/") || p.startsWith("/api/dashboard/")
                        || p.startsWith("/api/partner/"));
        assertThat(paths.keySet()).as("the dashboard and the partner API have one public path each")
                .noneMatch(p -> p.startsWith("/api/cooperation/dashboard") || p.startsWith("/api/cooperation/partner"));
        assertThat(paths).containsKeys("/api/partner/v1/cases", "/api/partner/v1/changes",
                "/api/partner/v1/iati-activities", "/api/partner/v1/missions/{code}/reports");

        // Operations as the services declare them, methods included.
        assertThat(document.getMap("paths.'/api/posts/countries'")).containsKey("get");
        assertThat(document.getMap("paths.'/api/posts/posts'")).containsKeys("get", "post");
        assertThat(document.getMap("paths.'/api/posts/posts/{id}/coverage'")).containsKeys("get", "put");
        assertThat(document.getMap("paths.'/api/cooperation/cases'")).containsKeys("get", "post");
        assertThat(document.getString("paths.'/api/cooperation/cases'.post.summary")).isEqualTo("Open a case for the caller's post");

        assertThat(document.getString("x-dcis-sources.posts-service.status")).isEqualTo("included");
        assertThat(document.getString("x-dcis-sources.cooperation-service.status")).isEqualTo("included");
    }

    @Test
    void theDescribedOperationsAnswerThroughTheGateway() {
        // Not just a document: a listed path of each service answers at the gateway with a real token.
        assertThat(Stack.gatewayAs("analyst.hq").when().get("/api/posts/countries").statusCode()).isEqualTo(200);
        assertThat(Stack.gatewayAs("analyst.hq").when().get("/api/cooperation/cases").statusCode()).isEqualTo(200);
    }
}

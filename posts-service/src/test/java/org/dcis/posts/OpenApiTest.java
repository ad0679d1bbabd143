package org.dcis.posts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The published OpenAPI documents every endpoint, with examples. */
@QuarkusTest
class OpenApiTest {
    @Test
    void documentsTheEndpointsWithExamples() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/countries"))
                .body("paths", hasKey("/countries/{code}"))
                .body("paths", hasKey("/countries/{code}/post"))
                .body("paths", hasKey("/posts/{id}/coverage"))
                .body("paths", hasKey("/posts/{id}/status"))
                .body("paths", hasKey("/assignments/{id}/end"))
                .body("paths", hasKey("/network/summary"))
                .body("paths.'/posts'.post.responses", hasKey("409"))
                .body("components.schemas.OpenPost.properties.id.examples", hasItem("SN-DAKAR"))
                .body("components.schemas.Post.properties.coverage", notNullValue());
    }
}

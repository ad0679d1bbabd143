package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * One OpenAPI document for the whole API: the recording services publish small documents (two
 * operations each, and a schema named alike with different shapes), the gateway merges them under their
 * public prefixes. The e2e suite checks the same with the real services.
 */
@QuarkusTest
class GatewayOpenApiTest {
    @Test
    void theMergedDocumentListsTheOperationsOfBothServicesUnderTheirPrefixes() {
        given().get("/openapi.json").then().statusCode(200)
                .body("openapi", equalTo("3.1.0"))
                .body("paths.'/api/posts/countries'.get.operationId", equalTo("listCountries"))
                .body("paths.'/api/posts/posts'.post.operationId", equalTo("openPost"))
                .body("paths.'/api/cooperation/cases'.get.operationId", equalTo("listCases"))
                .body("paths.'/api/cooperation/cases/{id}/actions'.post.operationId", equalTo("logAction"))
                .body("paths", not(hasKey("/countries")))
                // cooperation-service's /dashboard/** is published under the dashboard's own prefix, and only there
                .body("paths.'/api/dashboard/counts/{by}'.get.operationId", equalTo("dashboardCounts"))
                .body("paths", not(hasKey("/api/cooperation/dashboard/counts/{by}")))
                .body("paths.'/api/partner/v1/changes'.get.operationId", equalTo("partnerChanges"))
                .body("paths", not(hasKey("/api/cooperation/partner/v1/changes")))
                // "Item" differs between the services: the second one is renamed and its refs follow
                .body("components.schemas", hasKey("Item"))
                .body("components.schemas", hasKey("Cooperationservice_Item"))
                .body("paths.'/api/cooperation/cases'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/Cooperationservice_Item"))
                .body("paths.'/api/posts/countries'.get.responses.'200'.content.'application/json'.schema.$ref",
                        equalTo("#/components/schemas/Item"))
                .body("'x-dcis-sources'.'posts-service'.status", equalTo("included"))
                .body("'x-dcis-sources'.'cooperation-service'.status", equalTo("included"));
    }

    @Test
    void aServiceThatIsDownIsReportedNotFatal() {
        Services.COOPERATION.stop();
        try {
            given().get("/openapi.json").then().statusCode(200)
                    .body("paths", hasKey("/api/posts/countries"))
                    .body("paths", not(hasKey("/api/cooperation/cases")))
                    .body("paths", not(hasKey("/api/dashboard/counts/{by}")))
                    .body("'x-dcis-sources'.'cooperation-service'.status", equalTo("unavailable"));
        } finally {
            Services.COOPERATION.start();
        }
    }

    @Test
    void swaggerUiIsServedByTheGatewayForTheMergedDocument() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .body(containsString("/openapi.json"));
    }
}

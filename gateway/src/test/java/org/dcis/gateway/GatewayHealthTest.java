package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Readiness follows the realm; operators see each service's readiness behind a role. */
@QuarkusTest
class GatewayHealthTest {
    @Test
    void readinessReportsTheRealmUp() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Keycloak realm"));
    }

    @Test
    void operatorsSeeEachServiceAndItsOutage() {
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/status").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("services.find { it.service == 'posts-service' }.status", equalTo("UP"))
                .body("services.find { it.service == 'cooperation-service' }.status", equalTo("UP"));
        Services.COOPERATION.stop();
        try {
            given().auth().oauth2(Tokens.of("admin.registry")).get("/status").then().statusCode(200)
                    .body("status", equalTo("DEGRADED"))
                    .body("services.find { it.service == 'cooperation-service' }.status", equalTo("DOWN"))
                    .body("services.find { it.service == 'posts-service' }.status", equalTo("UP"));
        } finally {
            Services.COOPERATION.start();
        }
    }

    @Test
    void theStatusIsForOperatorsOnly() {
        given().get("/status").then().statusCode(401);
        given().auth().oauth2(Tokens.of("officer.dakar")).get("/status").then().statusCode(403);
        given().auth().oauth2(Tokens.of("partner.eu")).get("/status").then().statusCode(403);
    }
}

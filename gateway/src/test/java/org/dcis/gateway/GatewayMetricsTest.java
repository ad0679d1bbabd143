package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;


import org.dcis.devstack.testing.Metrics;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The gateway's own refusals, counted by reason in /q/metrics; answers relayed from a service are not counted. */
@QuarkusTest
class GatewayMetricsTest {
    private static double refused(String reason) {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return Metrics.find(scrape, "dcis_gateway_refused_total", "reason", reason).orElse(0);
    }

    @Test
    void refusalsAreCountedByReason() {
        double unauthenticated = refused("unauthenticated");
        double forbidden = refused("forbidden");
        double notFound = refused("not-found");

        given().get("/api/cooperation/cases").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/api/cooperation/cases").then().statusCode(401);
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/partner/v1/cases").then().statusCode(403);
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/nothing-here").then().statusCode(404);
        // relayed: the service's answer, not the gateway's refusal
        given().auth().oauth2(Tokens.of("analyst.hq")).get("/api/cooperation/cases").then().statusCode(200);

        assertThat(refused("unauthenticated")).isEqualTo(unauthenticated + 2);
        assertThat(refused("forbidden")).isEqualTo(forbidden + 1);
        assertThat(refused("not-found")).isEqualTo(notFound + 1);
    }
}

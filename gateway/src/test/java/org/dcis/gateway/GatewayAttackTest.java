package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.dcis.devstack.testing.AttackTokens;
import org.dcis.devstack.testing.AttackTokens.Attack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The attack battery of deploy/devstack (AttackTokens) against the gateway: every forged or misused
 * token gets a 401 problem, on reads and writes of both services, and the services behind receive
 * nothing at all.
 */
@QuarkusTest
class GatewayAttackTest {
    @BeforeEach
    void clear() {
        Services.clearAll();
    }

    @Test
    void theRealTokenTheBatteryIsMadeFromPasses() {
        String token = Tokens.of("officer.dakar");
        given().auth().oauth2(token).get("/api/posts/countries").then().statusCode(200);
        given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/cooperation/cases")
                .then().statusCode(200);
        assertThat(Services.receivedByAll()).isEqualTo(2);
    }

    @Test
    void everyAttackIsRefusedWith401AndNeverReachesAService() {
        List<Attack> battery = new AttackTokens(Tokens.issuer()).battery(Tokens.keycloak(), "officer.dakar");
        assertThat(battery).hasSizeGreaterThanOrEqualTo(20);
        SoftAssertions softly = new SoftAssertions();
        for (Attack attack : battery) {
            for (String[] call : new String[][] { { "GET", "/api/posts/countries" }, { "POST", "/api/cooperation/cases" },
                    { "DELETE", "/api/posts/posts/SN-DAKAR" }, { "GET", "/status" } }) {
                RequestSpecification request = given().redirects().follow(false);
                if (attack.authorization() != null) {
                    request.header("Authorization", attack.authorization());
                }
                if (call[0].equals("POST")) {
                    request.contentType("application/json").body("{\"framework\":\"BILATERAL\"}");
                }
                Response response = request.request(call[0], call[1]);
                softly.assertThat(response.statusCode()).as("%s on %s %s", attack.name(), call[0], call[1]).isEqualTo(401);
                softly.assertThat(response.contentType()).as("%s: problem+json", attack.name())
                        .startsWith("application/problem+json");
                softly.assertThat(response.header("WWW-Authenticate")).as("%s: challenge", attack.name())
                        .startsWith("Bearer");
            }
            softly.assertThat(Services.receivedByAll()).as("requests that reached a service after %s", attack.name())
                    .isZero();
        }
        softly.assertAll();
    }
}

package org.dcis.cooperation.security;

import org.dcis.devstack.testing.ManagementInterface;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.dcis.devstack.KeycloakTokens;
import org.dcis.devstack.testing.AttackTokens;
import org.dcis.devstack.testing.AttackTokens.Attack;
import org.dcis.devstack.testing.UnauthorizedProblem;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Zero trust: the attack battery of deploy/devstack (AttackTokens: no token, malformed, alg none, HS256
 * with the realm's public key, tampered payload, unknown kid, wrong issuer or audience, expired, nbf in
 * the future, a real ID token, a real token of another realm) sent straight to cooperation-service, not through
 * the gateway. Each is refused with 401 by the token check, which runs before any routing, so no
 * business code runs. Only relies on every path but /q/* requiring a valid token.
 */
@QuarkusTest
class TokenAttackTest {
    private static final String READ = "/cases";
    private static final String WRITE = "/cases";

    private static KeycloakTokens tokens() {
        return new KeycloakTokens(ConfigProvider.getConfig().getValue("dcis.test.keycloak-issuer", String.class));
    }

    @Test
    void aRealTokenGetsPastTheTokenCheck() {
        String token = tokens().accessToken("officer.dakar");
        assertThat(given().auth().oauth2(token).get(READ).statusCode()).isNotEqualTo(401);
    }

    @Test
    void everyForgedOrMisusedTokenIsRefusedWith401() {
        String issuer = ConfigProvider.getConfig().getValue("dcis.test.keycloak-issuer", String.class);
        List<Attack> battery = new AttackTokens(issuer).battery(tokens(), "officer.dakar");
        assertThat(battery).hasSizeGreaterThanOrEqualTo(20);
        SoftAssertions softly = new SoftAssertions();
        for (Attack attack : battery) {
            for (String method : List.of("GET", "POST")) {
                RequestSpecification request = given();
                if (attack.authorization() != null) {
                    request.header("Authorization", attack.authorization());
                }
                String path = method.equals("GET") ? READ : WRITE;
                if (method.equals("POST")) {
                    request.contentType("application/json").body("{\"framework\":\"BILATERAL\"}");
                }
                Response response = request.request(method, path);
                softly.assertThat(response.statusCode()).as("%s on %s %s", attack.name(), method, path).isEqualTo(401);
                UnauthorizedProblem.assertRefused(softly, response, attack, method + " " + path);
            }
        }
        softly.assertAll();
    }

    @Test
    void probesStayOpenOnTheManagementPortWhileEveryOtherPathAnswersAnAnonymousCallerWithTheProblem() {
        for (String open : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/metrics")) {
            org.dcis.devstack.testing.ManagementInterface.given().get(open).then().statusCode(200);
        }
        given().get("/q/openapi").then().statusCode(200);
        SoftAssertions softly = new SoftAssertions();
        Attack none = new Attack("no token", null);
        // Look-alikes of the open paths and unknown paths are closed too: an unknown path is a 401, not a 404.
        // Health and metrics are not on the API port at all: the gateway, which relays this port, cannot leak them.
        for (String closed : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/healthz", "/q/openapi/extra",
                "/q/metrics/extra", "/no-such-path", "/audit")) {
            Response response = given().get(closed);
            softly.assertThat(response.statusCode()).as("GET %s", closed).isEqualTo(401);
            UnauthorizedProblem.assertRefused(softly, response, none, "GET " + closed);
        }
        softly.assertAll();
    }

}

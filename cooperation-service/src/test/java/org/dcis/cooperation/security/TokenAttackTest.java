package org.dcis.cooperation.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.dcis.devstack.KeycloakTokens;
import org.dcis.devstack.testing.AttackTokens;
import org.dcis.devstack.testing.AttackTokens.Attack;
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
                assertUnauthorizedProblem(softly, response, attack, method + " " + path);
            }
        }
        softly.assertAll();
    }

    @Test
    void probesStayOpenWhileEveryOtherPathAnswersAnAnonymousCallerWithTheProblem() {
        for (String open : List.of("/q/health", "/q/health/live", "/q/health/ready", "/q/openapi", "/q/metrics")) {
            given().get(open).then().statusCode(200);
        }
        SoftAssertions softly = new SoftAssertions();
        Attack none = new Attack("no token", null);
        // Look-alikes of the open paths and unknown paths are closed too: an unknown path is a 401, not a 404.
        for (String closed : List.of("/q/healthz", "/q/openapi/extra", "/q/metrics/extra", "/no-such-path", "/audit")) {
            Response response = given().get(closed);
            softly.assertThat(response.statusCode()).as("GET %s", closed).isEqualTo(401);
            assertUnauthorizedProblem(softly, response, none, "GET " + closed);
        }
        softly.assertAll();
    }

    /**
     * The refusal is the service's problem+json (same shape as every other error) with the Bearer challenge, and
     * says nothing of the presented token: no part of it is echoed back.
     */
    static void assertUnauthorizedProblem(SoftAssertions softly, Response response, Attack attack, String call) {
        String what = attack.name() + " on " + call;
        softly.assertThat(response.contentType()).as("%s: content type", what).startsWith("application/problem+json");
        softly.assertThat(response.header("WWW-Authenticate")).as("%s: challenge", what).startsWith("Bearer");
        String body = response.asString();
        softly.assertThat(body).as("%s: body", what).isNotBlank();
        if (body.isBlank() || !response.contentType().startsWith("application/problem+json")) {
            return;
        }
        softly.assertThat(response.jsonPath().getInt("status")).as("%s: status field", what).isEqualTo(401);
        softly.assertThat(response.jsonPath().getString("type")).as("%s: type", what)
                .isEqualTo("https://dcis.example/problems/unauthorized");
        softly.assertThat(response.jsonPath().getString("title")).as("%s: title", what).isEqualTo("Unauthorized");
        softly.assertThat(response.jsonPath().getString("detail")).as("%s: detail", what).isNotBlank();
        softly.assertThat(response.jsonPath().getString("instance")).as("%s: instance", what)
                .isEqualTo(call.substring(call.indexOf(' ') + 1));
        String credentials = attack.authorization() == null ? "" : attack.authorization().replaceFirst("^\\S+\\s*", "");
        if (credentials.length() >= 8) {
            softly.assertThat(body).as("%s: the presented credentials are not echoed", what).doesNotContain(credentials);
        }
        softly.assertThat(body).as("%s: no stack trace", what).doesNotContain("Exception").doesNotContain("\tat ");
    }
}

package org.dcis.posts.security;

import org.dcis.devstack.testing.ManagementInterface;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;

import org.assertj.core.api.SoftAssertions;
import org.dcis.devstack.KeycloakTokens;
import org.dcis.devstack.testing.AttackTokens;
import org.dcis.devstack.testing.AttackTokens.Attack;
import org.dcis.devstack.testing.UnauthorizedProblem;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Zero trust: the attack battery of deploy/devstack (AttackTokens: no token, malformed, alg none, HS256
 * with the realm's public key, tampered payload, unknown kid, wrong issuer or audience, expired, nbf in
 * the future, a real ID token, a real token of another realm) sent straight to posts-service, not through
 * the gateway. Each is refused with 401 by the token check, which runs before any routing, so no
 * business code runs: the forged tokens are made from a registry-admin token and the write is a valid
 * post, so a token check that let one through would store it; the test checks nothing was stored.
 */
@QuarkusTest
class TokenAttackTest {
    private static final String READ = "/countries";
    private static final String WRITE = "/posts";
    /** A complete, valid post for a country no other test uses: only the token stands in its way. */
    private static final String FORGED_POST_ID = "NR-YAREN";
    private static final String VALID_POST = """
            {"id": "NR-YAREN", "hostCountry": "NR", "city": "Yaren", "embassy": "Ambassade de France (forged)",
             "openedOn": "2020-01-01", "coverage": ["NR"]}""";

    @Inject
    AgroalDataSource dataSource;

    private static KeycloakTokens tokens() {
        return new KeycloakTokens(ConfigProvider.getConfig().getValue("dcis.test.keycloak-issuer", String.class));
    }

    @Test
    void aRealTokenGetsPastTheTokenCheck() {
        String token = tokens().accessToken("officer.dakar");
        assertThat(given().auth().oauth2(token).get(READ).statusCode()).isNotEqualTo(401);
    }

    @Test
    void everyForgedOrMisusedTokenIsRefusedWith401AndStoresNothing() throws SQLException {
        String issuer = ConfigProvider.getConfig().getValue("dcis.test.keycloak-issuer", String.class);
        List<Attack> battery = new AttackTokens(issuer).battery(tokens(), "admin.registry");
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
                    request.contentType("application/json").body(VALID_POST);
                }
                Response response = request.request(method, path);
                softly.assertThat(response.statusCode()).as("%s on %s %s", attack.name(), method, path).isEqualTo(401);
                UnauthorizedProblem.assertRefused(softly, response, attack, method + " " + path);
            }
        }
        softly.assertAll();
        assertThat(storedRows("SELECT count(*) FROM post WHERE id = ?")).as("posts stored by forged tokens").isZero();
        assertThat(storedRows("SELECT count(*) FROM outbox_event WHERE event_key = ?")).as("events of forged writes").isZero();

        // Control: the same request with the real token is accepted, so only the token check stopped the others.
        given().auth().oauth2(tokens().accessToken("admin.registry")).contentType("application/json").body(VALID_POST)
                .post(WRITE).then().statusCode(201);
        assertThat(storedRows("SELECT count(*) FROM post WHERE id = ?")).isOne();
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
                "/q/metrics/extra", "/no-such-path", "/posts/NR-YAREN")) {
            Response response = given().get(closed);
            softly.assertThat(response.statusCode()).as("GET %s", closed).isEqualTo(401);
            UnauthorizedProblem.assertRefused(softly, response, none, "GET " + closed);
        }
        softly.assertAll();
    }


    private long storedRows(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, FORGED_POST_ID);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}

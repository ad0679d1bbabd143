package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.dcis.devstack.KeycloakTokens;
import org.dcis.devstack.testing.AttackTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Key rotation needs no restart: a new RS256 key is added to the realm (admin API of the test Keycloak,
 * higher priority, so Keycloak signs with it from now on); the gateway, which has never seen that kid,
 * fetches the JWKS again and accepts the new tokens, while tokens signed with the previous key stay valid.
 */
@QuarkusTest
class GatewayKeyRotationTest {
    @Test
    void tokensSignedWithANewRealmKeyAreAcceptedWithoutRestart() {
        String before = Tokens.keycloak().accessToken("analyst.hq");
        String oldKid = kid(before);
        given().auth().oauth2(before).get("/api/posts/countries").then().statusCode(200);

        String base = Tokens.issuer().substring(0, Tokens.issuer().indexOf("/realms/"));
        String admin = new AttackTokens(Tokens.issuer()).otherRealmToken(); // the master realm's administrator
        String realmId = given().baseUri(base).auth().oauth2(admin).get("/admin/realms/dcis")
                .then().statusCode(200).extract().path("id");
        given().baseUri(base).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("""
                        {"name": "rotated-rsa-%d", "providerId": "rsa-generated",
                         "providerType": "org.keycloak.keys.KeyProvider", "parentId": "%s",
                         "config": {"priority": ["%d"], "algorithm": ["RS256"], "keySize": ["2048"],
                                    "active": ["true"], "enabled": ["true"]}}
                        """.formatted(System.nanoTime(), realmId, 1000 + (System.currentTimeMillis() % 100_000)))
                .post("/admin/realms/dcis/components")
                .then().statusCode(201);

        String after = Tokens.keycloak().accessToken("analyst.hq");
        assertThat(kid(after)).as("Keycloak signs with the new key").isNotEqualTo(oldKid);
        assertThat(new AttackTokens(Tokens.issuer()).realmKids()).contains(oldKid, kid(after));

        // the gateway refreshes its keys on an unknown kid (at most every 10 s): no restart
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                given().auth().oauth2(after).get("/api/posts/countries").then().statusCode(200));
        given().auth().oauth2(before).get("/api/posts/countries").then().statusCode(200);
    }

    private static String kid(String jwt) {
        return KeycloakTokens.claims("x." + jwt.split("\\.")[0] + ".x").path("kid").asText();
    }
}

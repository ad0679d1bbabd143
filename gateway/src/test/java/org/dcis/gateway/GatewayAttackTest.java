package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.assertj.core.api.SoftAssertions;
import org.dcis.devstack.KeycloakTokens;
import org.dcis.devstack.testing.AttackTokens;
import org.dcis.devstack.testing.AttackTokens.Attack;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

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

    private static List<Attack> battery;

    /** Built once: it waits about 12 s for a real token to expire. */
    private static synchronized List<Attack> battery() {
        if (battery == null) {
            battery = new AttackTokens(Tokens.issuer()).battery(Tokens.keycloak(), "officer.dakar");
        }
        return battery;
    }

    private static JsonNode claimsOf(String name) {
        return KeycloakTokens.claims(token(name));
    }

    private static String token(String name) {
        return battery().stream().filter(a -> a.name().startsWith(name)).findFirst().orElseThrow()
                .authorization().substring("Bearer ".length());
    }

    private static JsonNode headerOf(String name) {
        return KeycloakTokens.claims("x." + token(name).split("\\.")[0] + ".x");
    }

    @Test
    void theKeycloakSignedMisusesAreWhatTheyClaimToBe() {
        // any key of the realm: another test may have rotated the keys meanwhile
        List<String> realmKids = new AttackTokens(Tokens.issuer()).realmKids();
        JsonNode noAudience = claimsOf("real token of a realm client without the dcis-api audience");
        assertThat(headerOf("real token of a realm client without the dcis-api audience").path("kid").asText())
                .isIn(realmKids);
        assertThat(noAudience.path("iss").asText()).isEqualTo(Tokens.issuer());
        assertThat(noAudience.path("aud").toString()).doesNotContain("dcis-api");
        assertThat(noAudience.path("realm_access").path("roles").toString()).contains("registry-admin");

        JsonNode expired = claimsOf("real token, expired");
        assertThat(headerOf("real token, expired").path("kid").asText()).isIn(realmKids);
        assertThat(expired.path("aud").toString()).contains("dcis-api");
        assertThat(expired.path("exp").asLong()).isLessThan(java.time.Instant.now().getEpochSecond() - 10);

        assertThat(claimsOf("real ID token").path("typ").asText()).isEqualTo("ID");
        assertThat(claimsOf("real token of another realm").path("iss").asText()).endsWith("/realms/master");
        assertThat(headerOf("HS256 signed with the realm public key (DER)").path("alg").asText()).isEqualTo("HS256");
        assertThat(headerOf("alg none, no signature").path("alg").asText()).isEqualTo("none");
        assertThat(claimsOf("tampered payload: extra role").path("realm_access").path("roles").toString())
                .contains("registry-admin");
        assertThat(headerOf("tampered payload: extra role").path("kid").asText()).isIn(realmKids);
    }

    @Test
    void everyAttackIsRefusedWith401AndNeverReachesAService() {
        List<Attack> battery = battery();
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

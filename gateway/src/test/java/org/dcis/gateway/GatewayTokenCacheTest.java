package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import jakarta.inject.Inject;

import org.dcis.devstack.testing.AttackTokens;
import org.dcis.devstack.KeycloakTokens;
import org.dcis.gateway.security.TokenCache;
import org.dcis.gateway.security.TokenCaching;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The cache of verified bearer tokens (security/TokenCache) against a real Keycloak: it serves a token it has seen,
 * and never lets through what quarkus-oidc would refuse — an expired token that was valid (and cached) a moment
 * before, any alteration of a cached token, a token without the audience.
 */
@QuarkusTest
class GatewayTokenCacheTest {
    @Inject
    TokenCaching caching;

    @BeforeEach
    void clear() {
        Services.clearAll();
    }

    private TokenCache cache() {
        return caching.cache();
    }

    @Test
    void aTokenSeenOnceIsServedFromTheCache() {
        String token = Tokens.of("analyst.hq");
        given().auth().oauth2(token).get("/api/posts/countries").then().statusCode(200);
        long hits = cache().hits();
        given().auth().oauth2(token).get("/api/posts/countries").then().statusCode(200);
        given().auth().oauth2(token).get("/api/cooperation/cases").then().statusCode(200);
        assertThat(cache().hits()).isGreaterThanOrEqualTo(hits + 2);
        assertThat(Services.receivedByAll()).isEqualTo(3);
    }

    @Test
    void aCachedTokenIsRefusedOnceItHasExpired() {
        AttackTokens lab = new AttackTokens(Tokens.issuer());
        String token = lab.realShortLivedToken();
        long exp = KeycloakTokens.claims(token).path("exp").asLong();
        given().auth().oauth2(token).get("/api/posts/countries").then().statusCode(200);
        long hits = cache().hits();
        given().auth().oauth2(token).get("/api/posts/countries").then().statusCode(200);
        assertThat(cache().hits()).as("the second use is a cache hit").isGreaterThan(hits);

        // past exp and the 10 s skew quarkus-oidc allows (quarkus.oidc.token.lifespan-grace)
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> Instant.now().getEpochSecond() > exp + 10);
        Services.clearAll();
        given().auth().oauth2(token).get("/api/posts/countries").then().statusCode(401);
        given().auth().oauth2(token).get("/api/posts/countries").then().statusCode(401);
        assertThat(Services.receivedByAll()).isZero();
    }

    @Test
    void everyAlterationOfACachedTokenIsVerifiedAndRefused() {
        String token = Tokens.of("officer.dakar");
        given().auth().oauth2(token).get("/api/posts/countries").then().statusCode(200);
        given().auth().oauth2(token).get("/api/posts/countries").then().statusCode(200); // cached now
        Services.clearAll();

        String[] parts = token.split("\\.");
        String otherSignature = Tokens.of("analyst.hq").split("\\.")[2];
        String extraRole = AttackTokens.tampered(token, claims -> ((com.fasterxml.jackson.databind.node.ObjectNode) claims.get("realm_access")).withArray("roles")
                .add("registry-admin"));
        String otherSubject = AttackTokens.tampered(token, claims -> claims.put("sub", "someone-else"));
        String flipped = parts[0] + "." + parts[1] + "." + flip(parts[2]);
        String headerNone = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes()) + "." + parts[1] + "." + parts[2];
        for (String altered : new String[] { extraRole, otherSubject, flipped, headerNone,
                parts[0] + "." + parts[1] + "." + otherSignature, token + "x", token + ".", " " + token,
                AttackTokens.algNone(token, true) }) {
            given().header("Authorization", "Bearer " + altered).get("/api/posts/countries").then().statusCode(401);
            given().header("Authorization", "Bearer " + altered).delete("/api/posts/posts/SN-DAKAR").then().statusCode(401);
        }
        assertThat(Services.receivedByAll()).isZero();
        // and the genuine token still passes
        given().auth().oauth2(token).get("/api/posts/countries").then().statusCode(200);
    }

    @Test
    void aTokenWithoutTheAudienceIsNeverCached() {
        String noAudience = new AttackTokens(Tokens.issuer()).realTokenWithoutAudience();
        int size = cache().size();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(noAudience).get("/api/posts/countries").then().statusCode(401);
        }
        assertThat(cache().size()).isEqualTo(size);
        assertThat(Services.receivedByAll()).isZero();
    }

    @Test
    void theRolesOfACachedTokenStillDecide() {
        String token = Tokens.of("analyst.hq"); // hq-analyst: may read the registry, not write it
        given().auth().oauth2(token).get("/api/posts/countries").then().statusCode(200);
        given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/posts/posts").then().statusCode(403);
        given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/posts/posts").then().statusCode(403);
    }

    private static String flip(String signature) {
        char last = signature.charAt(signature.length() / 2);
        char other = last == 'A' ? 'B' : 'A';
        return signature.substring(0, signature.length() / 2) + other + signature.substring(signature.length() / 2 + 1);
    }
}

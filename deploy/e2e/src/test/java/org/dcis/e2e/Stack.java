package org.dcis.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The running stack under test: its addresses (system properties, the local stack by default) and real tokens. */
final class Stack {
    static final String GATEWAY = url("dcis.e2e.gateway-url", "http://localhost:8080");
    static final String KEYCLOAK = url("dcis.e2e.keycloak-url", "http://localhost:8180");
    static final String POSTS = url("dcis.e2e.posts-url", "http://localhost:8081");
    static final String COOPERATION = url("dcis.e2e.cooperation-url", "http://localhost:8082");
    /** The services' management interfaces (health, metrics): not on their API ports. */
    static final String POSTS_MANAGEMENT = url("dcis.e2e.posts-management-url", "http://localhost:9081");
    static final String COOPERATION_MANAGEMENT = url("dcis.e2e.cooperation-management-url", "http://localhost:9082");
    static final String TOKEN_ENDPOINT = KEYCLOAK + "/realms/dcis/protocol/openid-connect/token";
    /** Tokens live 300 s; one is reused for a while so that waiting loops do not hammer Keycloak. */
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(200);
    private static final Map<String, CachedToken> TOKENS = new ConcurrentHashMap<>();

    private Stack() {
    }

    /** The demo login of the printed example: password grant on the public client dcis-demo. */
    static Response passwordGrant(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "dcis-demo")
                .formParam("username", username).formParam("password", password)
                .when().post(TOKEN_ENDPOINT);
    }

    static String accessToken(String username) {
        Response response = passwordGrant(username, "demo");
        assertThat(response.statusCode()).as("token request for %s at %s: %s", username, TOKEN_ENDPOINT,
                response.asString()).isEqualTo(200);
        return response.jsonPath().getString("access_token");
    }

    /** A token of the demo user, fetched once and reused while it has well over a minute to live. */
    static String token(String username) {
        CachedToken cached = TOKENS.get(username);
        if (cached == null || cached.fetchedAt.plus(TOKEN_REUSE).isBefore(Instant.now())) {
            cached = new CachedToken(accessToken(username), Instant.now());
            TOKENS.put(username, cached);
        }
        return cached.jwt;
    }

    /** A machine client's token (client credentials grant), e.g. the EU mission's system. */
    static String clientToken(String clientId, String secret) {
        Response response = given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret).when().post(TOKEN_ENDPOINT);
        assertThat(response.statusCode()).as("client token for %s: %s", clientId, response.asString()).isEqualTo(200);
        return response.jsonPath().getString("access_token");
    }

    /** A request through the gateway, the public entry point, with the demo user's token. */
    static RequestSpecification gatewayAs(String username) {
        return at(GATEWAY, username);
    }

    /** A request straight to a service (posts or cooperation), going around the gateway. */
    static RequestSpecification at(String base, String username) {
        return given().baseUri(base).header("Authorization", "Bearer " + token(username))
                .contentType(ContentType.JSON);
    }

    private record CachedToken(String jwt, Instant fetchedAt) {
    }

    /** The payload of a JWT, unchecked: the tests only read what Keycloak put in. */
    static JsonPath claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).as("a JWT has three parts").hasSize(3);
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static String url(String property, String fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : value.replaceAll("/+$", "");
    }
}

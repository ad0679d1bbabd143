package org.dcis.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The running stack under test: its addresses (system properties, the local stack by default) and real tokens. */
final class Stack {
    static final String GATEWAY = url("dcis.e2e.gateway-url", "http://localhost:8080");
    static final String KEYCLOAK = url("dcis.e2e.keycloak-url", "http://localhost:8180");
    static final String POSTS = url("dcis.e2e.posts-url", "http://localhost:8081");
    static final String COOPERATION = url("dcis.e2e.cooperation-url", "http://localhost:8082");
    static final String TOKEN_ENDPOINT = KEYCLOAK + "/realms/dcis/protocol/openid-connect/token";

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

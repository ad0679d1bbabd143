package org.dcis.gateway.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The web app's doors with the gateway's own settings (Secure cookies on, as everywhere but the local stack): a
 * browser without a session is sent to Keycloak with PKCE (S256) for the client dcis-dashboard, its state cookie is
 * Secure, HttpOnly and SameSite=Lax; the bare host leads to the app; assets and the map are public; the API still
 * answers a missing bearer token with a problem, never with a login redirect. The whole flow in a browser is the
 * e2e suite's (WebAnalystIT, WebSessionIT).
 */
@QuarkusTest
class WebAppEntryTest {
    @Test
    void aBrowserWithoutSessionIsSentToTheKeycloakLoginWithPkceAndASecureStateCookie() {
        Response response = given().redirects().follow(false).get("/app/network?theme=CYBERCRIME");
        assertThat(response.statusCode()).isEqualTo(302);
        URI login = URI.create(response.header("Location"));
        assertThat(login.getPath()).endsWith("/realms/dcis/protocol/openid-connect/auth");
        assertThat(login.getQuery()).contains("client_id=dcis-dashboard", "response_type=code",
                "code_challenge_method=S256", "code_challenge=", "state=");
        List<String> cookies = response.headers().getValues("Set-Cookie");
        String state = cookies.stream().filter(cookie -> cookie.startsWith("q_auth_web")).findFirst().orElseThrow();
        assertThat(state).contains("; Secure").containsIgnoringCase("; HttpOnly").contains("SameSite=Lax");
        // The PKCE verifier travels encrypted in that cookie: never in clear, never the challenge itself.
        assertThat(state).doesNotContain(login.getQuery().replaceAll(".*code_challenge=([^&]+).*", "$1"));
    }

    @Test
    void theBareHostLeadsToTheAppAndTheApiStillWantsABearerToken() {
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", startsWith("http")).header("Location", containsString("/app/"));
        given().redirects().follow(false).get("/api/posts/countries").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", startsWith("Bearer"));
        given().redirects().follow(false).get("/elsewhere").then().statusCode(401);
    }

    @Test
    void theMapAndTheBundledScriptAreServedWithoutASession() {
        String map = given().get("/maps/world-110m.geojson").then().statusCode(200).extract().asString();
        assertThat(io.restassured.path.json.JsonPath.from(map).getString("type")).isEqualTo("FeatureCollection");
        assertThat(io.restassured.path.json.JsonPath.from(map).getList("features.properties.iso")).contains("SN", "FR");
        given().get("/signed-out").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Frame-Options", "DENY");
        String page = given().get("/signed-out").then().extract().asString();
        String script = page.replaceAll("(?s).*<script type=\"module\" src=\"([^\"]+)\".*", "$1");
        assertThat(script).startsWith("/static/bundle/app-");
        given().get(script).then().statusCode(200).body(containsString("htmx"));
    }
}

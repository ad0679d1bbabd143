package org.dcis.posts.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dcis.devstack.KeycloakTokens;
import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests carrying real tokens from the test Keycloak, one cached token per demo user. */
public final class Api {
    public static final String ADMIN = "admin.registry";
    public static final String ANALYST = "analyst.hq";
    public static final String OFFICER = "officer.dakar";
    public static final String PARTNER_EU = "partner.eu";

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().oauth2(token(user)).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification asAdmin() {
        return as(ADMIN);
    }

    /** A real access token; cached for a minute of its five-minute life. */
    public static String token(String user) {
        Token token = TOKENS.get(user);
        if (token == null || token.fetched().isBefore(Instant.now().minusSeconds(60))) {
            KeycloakTokens keycloak = new KeycloakTokens(
                    ConfigProvider.getConfig().getValue("dcis.test.keycloak-issuer", String.class));
            String value = user.endsWith("-system") ? keycloak.clientToken(user, user.replace("-system", "-secret"))
                    : keycloak.accessToken(user);
            token = new Token(value, Instant.now());
            TOKENS.put(user, token);
        }
        return token.value();
    }

    /** The body of a post to open. */
    public static Map<String, Object> post(String id, String host, String city, String openedOn, List<String> coverage) {
        return Map.of("id", id, "hostCountry", host, "city", city, "embassy", "Ambassade de France à " + city,
                "openedOn", openedOn, "contact", Map.of("email", "dsi@example.org", "phone", "+33 1 00 00 00 00"),
                "coverage", coverage);
    }

    public static Map<String, Object> assignment(String officerId, String postId, String role, String startsOn) {
        return Map.of("officer", Map.of("id", officerId, "force", "GENDARMERIE_NATIONALE", "rank", "Lieutenant-colonel",
                "givenName", "Anne", "familyName", "Testeur", "specialities", List.of("CYBERCRIME", "TERRORISM")),
                "postId", postId, "role", role, "startsOn", startsOn);
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    private record Token(String value, Instant fetched) {
    }
}

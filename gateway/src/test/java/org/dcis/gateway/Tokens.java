package org.dcis.gateway;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dcis.devstack.KeycloakTokens;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real tokens of the devstack's Keycloak, reused while they have more than a minute to live. */
final class Tokens {
    private record Held(String token, long expiresAt) {
    }

    private static final Map<String, Held> HELD = new ConcurrentHashMap<>();

    private Tokens() {
    }

    static String issuer() {
        return ConfigProvider.getConfig().getValue("dcis.test.keycloak-issuer", String.class);
    }

    static KeycloakTokens keycloak() {
        return new KeycloakTokens(issuer());
    }

    /** Access token of a demo user, e.g. {@code officer.dakar}. */
    static String of(String username) {
        return held(username, () -> keycloak().accessToken(username));
    }

    static String euMissionSystem() {
        return held("client:eu-mission-system", () -> keycloak().clientToken("eu-mission-system", "eu-mission-secret"));
    }

    private static String held(String key, java.util.function.Supplier<String> fetch) {
        long now = Instant.now().getEpochSecond();
        Held held = HELD.get(key);
        if (held == null || held.expiresAt() - now < 60) {
            String token = fetch.get();
            held = new Held(token, KeycloakTokens.claims(token).path("exp").asLong());
            HELD.put(key, held);
        }
        return held.token();
    }
}

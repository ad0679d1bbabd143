package org.dcis.cooperation.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.dcis.devstack.KeycloakTokens;
import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens of the demo users, from the test Keycloak; renewed well before they expire. */
public final class Tokens {
    private static final Duration REUSE = Duration.ofSeconds(120);
    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String of(String user) {
        Issued issued = CACHE.get(user);
        if (issued == null || issued.at().plus(REUSE).isBefore(Instant.now())) {
            String issuer = ConfigProvider.getConfig().getValue("dcis.test.keycloak-issuer", String.class);
            KeycloakTokens keycloak = new KeycloakTokens(issuer);
            String token = Api.SYSTEM_SECRETS.containsKey(user)
                    ? keycloak.clientToken(user, Api.SYSTEM_SECRETS.get(user))
                    : keycloak.accessToken(user);
            issued = new Issued(token, Instant.now());
            CACHE.put(user, issued);
        }
        return issued.token();
    }

    private record Issued(String token, Instant at) {
    }
}

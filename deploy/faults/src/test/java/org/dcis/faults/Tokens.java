package org.dcis.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens of the demo users (password grant of the public demo client), as their apps get them. */
final class Tokens {
    static final String OFFICER = "officer.dakar";
    static final String OFFICER_POST = "SN-DAKAR";
    static final String ADMIN = "admin.registry";
    static final String ANALYST = "analyst.hq";

    /** Tokens live 300 s; one is reused for a while so that busy clients do not hammer Keycloak. */
    private static final Duration REUSE = Duration.ofSeconds(150);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    private record Cached(String jwt, Instant fetched) {
    }

    /** The login itself: the token endpoint's answer (or the failure that stood in for it). */
    static Http.Answer login(String username) {
        return Http.form(FaultStack.get().keycloak() + "/realms/dcis/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "dcis-demo", "username", username, "password", "demo"));
    }

    /**
     * A new token of the user; fails the calling test if the login does not succeed. Logins are made one at a
     * time, and the clients of one user share its token, as one app would: the realm's brute-force protection
     * (Keycloak 26) answers concurrent logins of one user with {@code user_temporarily_disabled} for 60 s.
     */
    static synchronized String fresh(String username) {
        Http.Answer answer = login(username);
        if (!answer.ok()) {
            throw new AssertionError("login of " + username + " failed: " + answer.brief());
        }
        String jwt = answer.json().path("access_token").asText();
        CACHE.put(username, new Cached(jwt, Instant.now()));
        return jwt;
    }

    /** A token of the user, reused while it has plenty of time to live. */
    static synchronized String of(String username) {
        Cached cached = CACHE.get(username);
        if (cached == null || cached.fetched().plus(REUSE).isBefore(Instant.now())) {
            return fresh(username);
        }
        return cached.jwt();
    }

    /** Forgets every cached token (after Keycloak's restart, which signs with new keys). */
    static void forgetAll() {
        CACHE.clear();
    }
}

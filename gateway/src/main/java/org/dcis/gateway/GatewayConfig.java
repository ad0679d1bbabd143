package org.dcis.gateway;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Everything an operator tunes on the gateway; each key is also an environment variable (DCIS_GATEWAY_...). */
@ConfigMapping(prefix = "dcis.gateway")
public interface GatewayConfig {
    /** Base URL of posts-service, e.g. http://localhost:8081. */
    String postsUrl();

    /** Base URL of cooperation-service, e.g. http://localhost:8082. */
    String cooperationUrl();

    /** Management interface of posts-service (its health), e.g. http://localhost:9081: never relayed, read by /status. */
    @WithDefault("http://localhost:9081")
    String postsManagementUrl();

    /** Management interface of cooperation-service (its health), e.g. http://localhost:9082. */
    @WithDefault("http://localhost:9082")
    String cooperationManagementUrl();

    /** The only browser origin allowed by CORS: the HQ dashboard. */
    @WithDefault("http://localhost:8080")
    String dashboardOrigin();

    /** How long a downstream may take to accept a connection before the caller gets a 503. */
    @WithDefault("2S")
    Duration connectTimeout();

    /** How long a downstream may stay silent (no headers, no body bytes) before the caller gets a 504. */
    @WithDefault("30S")
    Duration responseTimeout();

    /**
     * Connections the gateway keeps open to each service at most (HTTP/1.1 keep-alive, one request at a time
     * each); further requests wait for a free one. Keep it within what a service can work on at once.
     */
    @WithDefault("64")
    int maxConnections();

    /** Largest request body relayed downstream; beyond it the caller gets a 413. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    RateLimit rateLimit();

    Web web();

    /** The web app the gateway serves to browsers under /app (a backend-for-frontend: docs in gateway/README.md). */
    interface Web {
        /**
         * Marks the session, state and CSRF cookies Secure. Off only on the local stack, which serves plain HTTP on
         * localhost; every deployment behind TLS keeps it on (DCIS_GATEWAY_WEB_SECURE_COOKIES).
         */
        @WithDefault("true")
        boolean secureCookies();

        /** How long a page waits for a service before it shows the "service unavailable" page. */
        @WithDefault("10S")
        Duration serviceTimeout();

        /** Rows of the recent-actions table and of its CSV download. */
        @WithDefault("50")
        int tableSize();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Requests a caller may make in one period (the bucket's capacity). */
        @WithDefault("300")
        int requests();

        /** Time over which a spent bucket refills completely. */
        @WithDefault("60S")
        Duration period();

        /**
         * Callers (token subjects or addresses) remembered at once; past it the least recently seen caller is
         * forgotten (it starts again with a full bucket), so memory stays bounded under an address flood.
         */
        @WithDefault("100000")
        int maxCallers();
    }

    TokenCache tokenCache();

    /**
     * Verified bearer tokens remembered until they expire (security/TokenCache): the same token presented again is not
     * parsed and its signature checked again. On by default; off, every request is verified by quarkus-oidc.
     */
    interface TokenCache {
        @WithDefault("true")
        boolean enabled();

        /** Tokens remembered at once (about 2 KB each); past it the expired ones, then all, are forgotten. */
        @WithDefault("10000")
        int maxEntries();
    }
}

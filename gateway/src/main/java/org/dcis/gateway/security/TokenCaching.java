package org.dcis.gateway.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

import org.dcis.gateway.GatewayConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts {@link TokenCache} between Quarkus' bearer authentication and quarkus-oidc, without replacing either:
 * <ul>
 * <li>{@link Lookup}, an identity provider tried before quarkus-oidc's (higher priority): it answers a known,
 * unexpired token of the same OIDC tenant from the cache, and answers nothing otherwise, which makes Quarkus
 * go on to quarkus-oidc's provider and its full verification;</li>
 * <li>{@link Store}, an identity augmentor run last: it stores what quarkus-oidc accepted, keyed by the token.</li>
 * </ul>
 * A cached identity carries no request of its own: the routing context quarkus-oidc put in its attributes is
 * replaced by the current request's on every hit (and not kept in the cache, which would hold old requests alive).
 */
@ApplicationScoped
public class TokenCaching {
    /** Set on identities served from the cache (never stored again; visible to tests). */
    public static final String CACHED = "dcis.token-cache.hit";
    /** quarkus-oidc's name of the tenant that verified a token (OidcUtils.TENANT_ID_ATTRIBUTE). */
    static final String TENANT = "tenant-id";

    private final TokenCache cache;
    private final boolean enabled;

    @Inject
    TokenCaching(GatewayConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.oidc.token.lifespan-grace") Optional<Integer> grace) {
        this.enabled = config.tokenCache().enabled();
        this.cache = new TokenCache(config.tokenCache().maxEntries(), grace.orElse(0),
                () -> System.currentTimeMillis() / 1000);
        Gauge.builder("dcis.gateway.token.cache.size", cache, TokenCache::size)
                .description("Verified bearer tokens the gateway remembers until they expire").register(registry);
        FunctionCounter.builder("dcis.gateway.token.cache.lookups", cache, TokenCache::hits).tag("result", "hit")
                .description("Bearer tokens looked up in the cache of verified tokens").register(registry);
        FunctionCounter.builder("dcis.gateway.token.cache.lookups", cache, TokenCache::misses).tag("result", "miss")
                .description("Bearer tokens looked up in the cache of verified tokens").register(registry);
    }

    /** The cache itself (tests). */
    public TokenCache cache() {
        return cache;
    }

    SecurityIdentity lookup(TokenAuthenticationRequest request) {
        if (!enabled || !(request.getToken() instanceof AccessTokenCredential credential)) {
            return null;
        }
        RoutingContext ctx = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (ctx == null) {
            return null;
        }
        Object tenant = ctx.get(TENANT);
        SecurityIdentity cached = cache.get(credential.getToken(), tenant == null ? null : tenant.toString());
        if (cached == null) {
            return null;
        }
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder(cached).addAttribute(CACHED, true);
        for (Map.Entry<String, Object> attribute : cached.getAttributes().entrySet()) {
            if (attribute.getValue() instanceof RequestSlot) {
                identity.addAttribute(attribute.getKey(), ctx);
            }
        }
        return identity.build();
    }

    void store(SecurityIdentity identity) {
        if (!enabled || identity.isAnonymous() || identity.getAttribute(CACHED) != null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        Object tenant = identity.getAttribute(TENANT);
        // bearer tokens only: a browser session of a web-app tenant (code flow) carries an ID token and is never looked up
        if (credential == null || credential.isOpaque() || tenant == null || jwt.getExpirationTime() <= 0
                || identity.getCredential(io.quarkus.oidc.IdTokenCredential.class) != null) {
            return;
        }
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder(identity);
        Set<String> perRequest = new HashSet<>();
        for (Map.Entry<String, Object> attribute : identity.getAttributes().entrySet()) {
            if (attribute.getValue() instanceof RoutingContext) {
                perRequest.add(attribute.getKey());
            }
        }
        perRequest.forEach(key -> kept.addAttribute(key, RequestSlot.INSTANCE));
        cache.put(credential.getToken(), tenant.toString(), kept.build(), jwt.getExpirationTime());
    }

    /** Stands in a cached identity where the request's routing context goes. */
    enum RequestSlot {
        INSTANCE
    }

    @ApplicationScoped
    public static class Lookup implements IdentityProvider<TokenAuthenticationRequest> {
        @Inject
        TokenCaching caching;

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        /** Before quarkus-oidc's provider (default priority, 1001): a miss answers null and Quarkus asks it next. */
        @Override
        public int priority() {
            return SYSTEM_FIRST + 1_000;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            return Uni.createFrom().item(caching.lookup(request));
        }
    }

    @ApplicationScoped
    public static class Store implements SecurityIdentityAugmentor {
        @Inject
        TokenCaching caching;

        /** Last, so that the identity stored is the one every other augmentor has finished. */
        @Override
        public int priority() {
            return Integer.MIN_VALUE;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            caching.store(identity);
            return Uni.createFrom().item(identity);
        }
    }
}

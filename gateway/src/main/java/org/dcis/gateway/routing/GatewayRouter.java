package org.dcis.gateway.routing;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.dcis.gateway.GatewayConfig;
import org.dcis.gateway.observability.RequestId;
import org.dcis.gateway.problem.Problems;
import org.dcis.platform.problem.ProblemType;
import org.dcis.platform.security.PublicPaths;
import org.dcis.platform.web.RequestLimits;
import org.dcis.gateway.ratelimit.RateLimiter;
import org.dcis.gateway.security.Access;
import org.dcis.gateway.security.RouteAuthorization;
import org.dcis.gateway.security.RouteRoles;
import org.dcis.gateway.web.WebPaths;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Wires the gateway's own handlers on the Quarkus router. Order of a relayed request:
 * request id (first) → Quarkus CORS, authentication and HTTP permission policies (a missing or invalid
 * token ends here with 401, after its rate limit by address) → rate limit by token subject → declared body
 * size → route: management paths refused (404) → identity and role table → relay.
 * <p>
 * Every request but those to the public paths (probes, metrics, the API description) is charged once to the
 * rate limit, before any refusal of the gateway's own, so that floods of 401, 403 and 404 are throttled too.
 */
@ApplicationScoped
public class GatewayRouter {
    /** Before Quarkus' security filters, so that every answer, a 401 included, carries the id. */
    static final int ORDER_REQUEST_ID = -1_000;
    /** Right after the request id: nothing is read of a request refused for its size. */
    static final int ORDER_REQUEST_LIMITS = -999;
    /** After CORS (which answers preflights) and before authentication. */
    static final int ORDER_BEARER_REQUIRED = -250;
    /** After authentication (-200) and the HTTP permission policies (-100), so the token subject is known. */
    static final int ORDER_RATE_LIMIT = -50;
    /** After authentication, just before Quarkus' own upload limit (which answers without a body). */
    static final int ORDER_BODY_LIMIT = -3;
    /** Set on a request once it has been charged to the rate limit, so that no request is charged twice. */
    private static final String RATE_LIMIT_CHARGED = "dcis.rate-limit.charged";

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry registry;

    /** The anonymous paths, read from the Quarkus permission that opens them: one list, two guards. */
    @ConfigProperty(name = "quarkus.http.auth.permission.public.paths")
    List<String> publicPathPatterns;

    private PublicPaths publicPaths;

    private HttpClient client;
    private RateLimiter rateLimiter;

    void register(@Observes Router router) {
        publicPaths = PublicPaths.of(publicPathPatterns);
        // One pool shared by every event loop, bounded by max-connections per service. (Tried: one client per event
        // loop, which keeps a request and its pooled connection on one thread; it split the bound into per-loop
        // shares, and a request then waited for its own loop's share while another loop's connections were free:
        // GatewayAbortTest, with 4 connections, got a 504.) HTTP/1.1 pipelining stays off, as is Vert.x' default,
        // said here on purpose: a slow answer would hold up every request queued behind it on the connection.
        client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(config.maxConnections())
                .setKeepAlive(true)
                .setPipelining(false)
                .setTcpNoDelay(true));
        rateLimiter = new RateLimiter(config.rateLimit().requests(), config.rateLimit().period(), System::nanoTime,
                config.rateLimit().maxCallers());
        Gauge.builder("dcis.gateway.rate.limit.callers", rateLimiter, RateLimiter::size)
                .description("Callers whose rate-limit bucket the gateway remembers").register(registry);
        RouteRoles roles = RouteRoles.load();
        for (Downstream downstream : Downstream.values()) {
            // every route reads; a route may declare that nobody writes through it (the dashboard), but it must say so
            if (roles.allowed(downstream.prefix(), Access.READ).isEmpty()) {
                throw new IllegalStateException(RouteRoles.RESOURCE + " names no role for " + Access.READ + " on "
                        + downstream.prefix());
            }
            if (!roles.declares(downstream.prefix(), Access.WRITE)) {
                throw new IllegalStateException(RouteRoles.RESOURCE + " has no " + Access.WRITE + " row for "
                        + downstream.prefix());
            }
        }
        RouteAuthorization authorization = new RouteAuthorization(roles);
        Relay relay = new Relay(client, config);

        router.route().order(ORDER_REQUEST_ID).handler(RequestId::handle);
        router.route().order(ORDER_REQUEST_ID).handler(this::countRefusals);
        router.route().failureHandler(this::securityFailure);
        router.route().order(ORDER_REQUEST_LIMITS).handler(this::refuseOversize);
        router.route().order(ORDER_BEARER_REQUIRED).handler(this::requireBearer);
        router.route().order(ORDER_RATE_LIMIT).handler(this::limitRate);
        router.route().order(ORDER_BODY_LIMIT).handler(this::rejectDeclaredOversize);
        for (Downstream downstream : Downstream.values()) {
            router.routeWithRegex(downstream.paths().pattern())
                    .handler(ctx -> refuseManagementPaths(ctx, downstream))
                    .handler(ctx -> authorization.handle(ctx, downstream.prefix()))
                    .handler(ctx -> relay.relay(ctx, downstream));
        }
        router.routeWithRegex("^/api(/.*)?$").handler(GatewayRouter::notFound);
    }

    /**
     * Counts each request the gateway answered with a problem of its own, by type ({@code dcis_gateway_refused_total
     * {reason="unauthenticated"}}, forbidden, too-many-requests, service-unavailable...): what was kept from the
     * services, and why. Answers relayed from a service are the service's to count.
     */
    private void countRefusals(RoutingContext ctx) {
        ctx.addEndHandler(done -> Problems.answered(ctx).ifPresent(type -> registry.counter("dcis.gateway.refused",
                "reason", type.slug()).increment()));
        ctx.next();
    }

    private static void notFound(RoutingContext ctx) {
        Problems.send(ctx, ProblemType.NOT_FOUND, "No service is published under " + ctx.normalizedPath());
    }

    /**
     * The services' management endpoints are never relayed (see {@link ManagementPaths}): the same 404 as
     * for any path the gateway does not publish, for every method and role, before the role table.
     */
    private static void refuseManagementPaths(RoutingContext ctx, Downstream downstream) {
        if (ManagementPaths.targetsManagement(ctx.normalizedPath().substring(downstream.prefix().length()))
                || downstream.publishedElsewhere(ctx.normalizedPath())) {
            notFound(ctx);
            return;
        }
        ctx.next();
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    /**
     * A request with no bearer token at all (none, empty, or other schemes such as Basic) is refused here
     * with a problem, before any token work. Quarkus' permission policy would refuse it too, but with an
     * empty body; this keeps every refusal in one shape. The public paths (probes, metrics, the API
     * description) stay open.
     */
    private void requireBearer(RoutingContext ctx) {
        if (publicPaths.contains(ctx.normalizedPath()) || WebPaths.browser(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            if (!refusedByRateLimit(ctx)) {
                unauthenticated(ctx);
            }
            return;
        }
        ctx.next();
    }

    private static void unauthenticated(RoutingContext ctx) {
        // Deliberately silent about what was wrong with the token: that would help a forger.
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"dcis\"");
        Problems.send(ctx, ProblemType.UNAUTHENTICATED, "A valid bearer token of the dcis realm is required");
    }

    /**
     * Quarkus' refusals (missing or invalid token, denied policy) in the problem+json shape of every other
     * error, each charged to the rate limit first (an invalid token to the caller's address).
     */
    private void securityFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof io.quarkus.security.AuthenticationFailedException
                || failure instanceof io.quarkus.security.AuthenticationCompletionException
                || failure instanceof io.quarkus.security.UnauthorizedException) {
            if (!refusedByRateLimit(ctx)) {
                unauthenticated(ctx);
            }
        } else if (failure instanceof io.quarkus.security.ForbiddenException) {
            if (!refusedByRateLimit(ctx)) {
                Problems.send(ctx, ProblemType.FORBIDDEN, "Your roles do not allow this request");
            }
        } else {
            ctx.next();
        }
    }

    /** A request target or header section over the suite's limits (414, 431), or two Authorization headers (401). */
    private void refuseOversize(RoutingContext ctx) {
        var refusal = RequestLimits.check(ctx.request().uri(), ctx.request().headers());
        if (refusal.isEmpty()) {
            ctx.next();
            return;
        }
        if (refusedByRateLimit(ctx)) {
            return;
        }
        if (refusal.get().type() == ProblemType.UNAUTHENTICATED) {
            unauthenticated(ctx);
            return;
        }
        ctx.response().putHeader("Connection", "close");
        Problems.send(ctx, refusal.get().type(), refusal.get().detail());
    }

    private void rejectDeclaredOversize(RoutingContext ctx) {
        String declared = ctx.request().getHeader("Content-Length");
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.strip());
            } catch (NumberFormatException e) {
                ctx.response().putHeader("Connection", "close");
                Problems.send(ctx, ProblemType.BAD_REQUEST, "Content-Length is not a number");
                return;
            }
            if (length > config.maxBodySize().asLongValue()) {
                ctx.response().putHeader("Connection", "close");
                Problems.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds " + config.maxBodySize().asLongValue() + " bytes");
                return;
            }
        }
        ctx.next();
    }

    private void limitRate(RoutingContext ctx) {
        if (!refusedByRateLimit(ctx)) {
            ctx.next();
        }
    }

    /**
     * Charges the request to its caller's bucket (once per request; never for the public paths, so probes
     * are not throttled) and answers 429 with Retry-After when the bucket is empty.
     */
    private boolean refusedByRateLimit(RoutingContext ctx) {
        if (!config.rateLimit().enabled() || ctx.get(RATE_LIMIT_CHARGED) != null
                || publicPaths.contains(ctx.normalizedPath())) {
            return false;
        }
        ctx.put(RATE_LIMIT_CHARGED, Boolean.TRUE);
        Duration wait = rateLimiter.acquire(caller(ctx));
        if (wait.isZero()) {
            return false;
        }
        ctx.response().putHeader("Retry-After", Long.toString(RateLimiter.retryAfterSeconds(wait)));
        Problems.send(ctx, ProblemType.TOO_MANY_REQUESTS, "Rate limit of " + config.rateLimit().requests()
                + " requests per " + config.rateLimit().period().toSeconds() + " s reached; retry later");
        return true;
    }

    /**
     * Token subject, else the client the token was issued to, else the network address (a request without a
     * valid token: its subject cannot be trusted, so it counts against where it comes from).
     */
    static String caller(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt) {
                if (jwt.getSubject() != null) {
                    return "sub:" + jwt.getSubject();
                }
                Object azp = jwt.getClaim("azp");
                if (azp != null) {
                    return "client:" + azp;
                }
            }
        }
        return "address:" + (ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress());
    }
}

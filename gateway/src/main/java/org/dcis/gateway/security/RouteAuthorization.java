package org.dcis.gateway.security;

import java.util.Optional;
import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

import org.dcis.gateway.problem.Problems;
import org.dcis.platform.problem.ProblemType;

/**
 * Second line of the gateway's access control, inside the route itself: the HTTP permission policy has
 * already demanded a valid token on /api/*, and this handler checks again that an authenticated
 * identity is present (so a configuration slip cannot open the door) before applying the role table.
 */
public final class RouteAuthorization {
    private final RouteRoles roles;

    public RouteAuthorization(RouteRoles roles) {
        this.roles = roles;
    }

    public void handle(RoutingContext ctx, String prefix) {
        SecurityIdentity identity = identity(ctx);
        if (identity == null || identity.isAnonymous()) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"dcis\"");
            Problems.send(ctx, ProblemType.UNAUTHENTICATED, "A valid bearer token of the dcis realm is required");
            return;
        }
        Optional<Access> access = Access.of(ctx.request().method());
        if (access.isEmpty()) {
            ctx.response().putHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE");
            Problems.send(ctx, ProblemType.METHOD_NOT_ALLOWED, "Method " + ctx.request().method() + " is not relayed by the gateway");
            return;
        }
        Set<String> allowed = roles.allowed(prefix, access.get());
        if (allowed.stream().noneMatch(identity::hasRole)) {
            Problems.send(ctx, ProblemType.FORBIDDEN, "Your roles do not allow " + access.get().name().toLowerCase() + " access to " + prefix);
            return;
        }
        ctx.next();
    }

    static SecurityIdentity identity(RoutingContext ctx) {
        return ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }
}

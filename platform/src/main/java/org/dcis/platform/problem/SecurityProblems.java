package org.dcis.platform.problem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.dcis.platform.security.PublicPaths;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The refusals of Quarkus' HTTP security layer, which answers before any resource (and so before
 * {@link ProblemMappers}) runs, in the problem shape of every other error. Left alone, Quarkus answers them
 * with an empty body: an invalid token fails the request ({@link #refuseFailed}), and a request without a
 * bearer token goes on as anonymous until the permission check sends a bare challenge, so an anonymous
 * caller is refused here first ({@link #refuseAnonymous}).
 * <p>
 * Both handlers only ever refuse: the permission check of application.properties still runs after them,
 * so a slip here can cost a problem body, never open a path.
 */
@ApplicationScoped
public class SecurityProblems {
    /** After proactive authentication (route order -200), before the HTTP permission check (-100). */
    static final int ORDER_AFTER_AUTHENTICATION = -150;
    /** Ahead of Quarkus' own failure handlers, which would answer with an empty body. */
    static final int ORDER_FAILURE = -1;

    private final PublicPaths publicPaths;
    private final ObjectMapper json;

    /** @param publicPaths the anonymous paths, read from the permission that opens them: one list, two guards */
    SecurityProblems(@ConfigProperty(name = "quarkus.http.auth.permission.public.paths") List<String> publicPaths,
            ObjectMapper json) {
        this.publicPaths = PublicPaths.of(publicPaths);
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER_AFTER_AUTHENTICATION).handler(this::refuseAnonymous);
        router.route().order(ORDER_FAILURE).failureHandler(this::refuseFailed);
    }

    private void refuseAnonymous(RoutingContext ctx) {
        if (publicPaths.contains(ctx.normalizedPath())) {
            ctx.next();
            return;
        }
        QuarkusHttpUser.getSecurityIdentity(ctx, null).subscribe().with(identity -> {
            if (identity == null || identity.isAnonymous()) {
                unauthenticated(ctx);
            } else {
                ctx.next();
            }
        }, ctx::fail);
    }

    private void refuseFailed(RoutingContext ctx) {
        if (ctx.failure() == null && (ctx.statusCode() == 401 || ctx.statusCode() == 403)) {
            if (ctx.statusCode() == 401) {
                unauthenticated(ctx);
            } else {
                send(ctx, Problem.forbidden(ctx.normalizedPath()));
            }
            return;
        }
        for (Throwable failure = ctx.failure(); failure != null; failure = failure.getCause() == failure ? null
                : failure.getCause()) {
            if (failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException
                    || failure instanceof UnauthorizedException) {
                unauthenticated(ctx);
                return;
            }
            if (failure instanceof ForbiddenException) {
                send(ctx, Problem.forbidden(ctx.normalizedPath()));
                return;
            }
        }
        ctx.next();
    }

    private void unauthenticated(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", Problem.BEARER_CHALLENGE);
        send(ctx, Problem.unauthenticated(ctx.normalizedPath()));
    }

    private void send(RoutingContext ctx, Problem problem) {
        RouteProblems.send(ctx, json, problem);
    }
}

package org.dcis.platform.web;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.dcis.platform.problem.Problem;
import org.dcis.platform.problem.ProblemType;
import org.dcis.platform.problem.RouteProblems;
import org.dcis.platform.problem.Violation;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The refusals of a request as a whole, before any resource reads it, in the problem shape of every other
 * error (left to Vert.x and RESTEasy, each is an empty body or a lenient acceptance):
 * <ul>
 * <li>a request target or header section over {@link RequestLimits} (414, 431), and two Authorization headers
 * (401), before authentication;</li>
 * <li>a body without a Content-Type (415), once the caller is known.</li>
 * </ul>
 * What the HTTP codec cannot parse at all (a bad percent escape in the target, a header line without a colon,
 * a bad Content-Length) never reaches the router: Vert.x answers it with a bare 400 and closes the connection,
 * and Quarkus gives no hook to answer otherwise (quarkusio/quarkus#55082).
 */
@ApplicationScoped
public class RequestProblems {
    /** First of all: nothing is read of a request that is refused for its size. */
    static final int ORDER_LIMITS = -1_000;
    /** After authentication and its refusals (the platform's SecurityProblems, -150): a 401 comes before a 415. */
    static final int ORDER_CONTENT_TYPE = -140;

    private final ObjectMapper json;

    RequestProblems(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER_LIMITS).handler(this::refuseOversize);
        router.route().order(ORDER_CONTENT_TYPE).handler(this::refuseUndeclaredBody);
    }

    private void refuseOversize(RoutingContext ctx) {
        var refusal = RequestLimits.check(ctx.request().uri(), ctx.request().headers());
        if (refusal.isEmpty()) {
            ctx.next();
            return;
        }
        if (refusal.get().type() == ProblemType.UNAUTHENTICATED) {
            ctx.response().putHeader("WWW-Authenticate", Problem.BEARER_CHALLENGE);
        } else {
            ctx.response().putHeader("Connection", "close");
        }
        send(ctx, Problem.of(refusal.get().type(), refusal.get().detail(), path(ctx)));
    }

    private void refuseUndeclaredBody(RoutingContext ctx) {
        var request = ctx.request();
        if (RequestLimits.undeclaredBody(request.method().name(), request.getHeader("Content-Type"),
                request.getHeader("Content-Length"), request.headers().getAll("Transfer-Encoding"))) {
            send(ctx, Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type: the body must be sent as application/json",
                    path(ctx), List.of(new Violation("Content-Type", "missing; send application/json"))));
            return;
        }
        ctx.next();
    }

    /** The path for the problem's instance, or none when the router cannot read it. */
    private static String path(RoutingContext ctx) {
        try {
            return ctx.normalizedPath();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void send(RoutingContext ctx, Problem problem) {
        RouteProblems.send(ctx, json, problem);
    }
}

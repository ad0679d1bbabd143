package org.dcis.gateway.problem;

import org.dcis.platform.problem.ProblemType;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.dcis.gateway.observability.RequestId;

/**
 * RFC 9457 problem+json answers of the gateway itself (its own refusals and downstream failures),
 * in the shape of docs/conventions.md so that a client reads gateway and service errors alike. The type
 * comes from the suite's one list ({@link ProblemType}); the gateway builds the body with Vert.x because it
 * has no JAX-RS layer in front of the relayed paths.
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The routing-context key under which the type of the gateway's own answer is kept (GatewayRouter counts it). */
    public static final String ANSWERED = "dcis.gateway.problem";

    private Problems() {
    }

    public static void send(RoutingContext ctx, ProblemType type, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // Part of a downstream answer is already out: the only honest signal left is a broken connection.
            response.reset();
            return;
        }
        ctx.put(ANSWERED, type);
        JsonObject body = new JsonObject()
                .put("type", type.uri().toString())
                .put("title", type.title())
                .put("status", type.status())
                .put("detail", detail)
                .put("instance", instance(ctx));
        String requestId = RequestId.of(ctx);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        response.setStatusCode(type.status())
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(body.encode());
    }

    /** The problem the gateway answered itself on this request, if any. */
    public static java.util.Optional<ProblemType> answered(RoutingContext ctx) {
        return java.util.Optional.ofNullable(ctx.get(ANSWERED));
    }

    /** The path for the problem's instance: none when it is too long to echo or cannot be read. */
    private static String instance(RoutingContext ctx) {
        try {
            String path = ctx.normalizedPath();
            return path == null || path.length() > org.dcis.platform.problem.Problem.MAX_INSTANCE ? null : path;
        } catch (RuntimeException e) {
            return null;
        }
    }
}

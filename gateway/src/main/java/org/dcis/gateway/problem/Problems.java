package org.dcis.gateway.problem;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.dcis.gateway.observability.RequestId;

/**
 * RFC 9457 problem+json answers of the gateway itself (its own refusals and downstream failures),
 * in the shape of docs/conventions.md so that a client reads gateway and service errors alike.
 */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://dcis.example/problems/";

    private Problems() {
    }

    public static void send(RoutingContext ctx, int status, String slug, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // Part of a downstream answer is already out: the only honest signal left is a broken connection.
            response.reset();
            return;
        }
        JsonObject body = new JsonObject()
                .put("type", TYPE_BASE + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.normalizedPath());
        String requestId = RequestId.of(ctx);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .end(body.encode());
    }
}

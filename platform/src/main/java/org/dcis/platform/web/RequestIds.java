package org.dcis.platform.web;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's request id ({@code X-Request-Id}, see the gateway's {@code RequestId}) in every log line of the
 * request: put in the logging context (MDC key {@code requestId}, beside the {@code traceId} and {@code spanId} of
 * OpenTelemetry) and on the request's server span ({@code dcis.request_id}). Only an id of the gateway's own shape
 * is taken (letters, digits, {@code . _ : -}, 8 to 64 characters): nothing else reaches the logs.
 */
@ApplicationScoped
public class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    public static final String SPAN_ATTRIBUTE = "dcis.request_id";
    public static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    /** Before anything else, the refusals of RequestProblems included, so that they are logged with the id too. */
    static final int ORDER = RequestProblems.ORDER_LIMITS - 1;

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(RequestIds::handle);
    }

    static void handle(RoutingContext ctx) {
        String id = ctx.request().getHeader(HEADER);
        if (id != null && ACCEPTED.matcher(id).matches()) {
            // Quarkus keeps the MDC in the request's Vert.x context: it follows the request onto worker threads
            MDC.put(MDC_KEY, id);
            Span.current().setAttribute(SPAN_ATTRIBUTE, id);
        }
        ctx.next();
    }
}

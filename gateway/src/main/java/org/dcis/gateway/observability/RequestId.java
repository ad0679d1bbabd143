package org.dcis.gateway.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

import io.opentelemetry.api.trace.Span;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Gives every request an {@code X-Request-Id}, returned to the caller, passed downstream and written in
 * the gateway's access log.
 * <p>
 * A caller's own id is kept when it is a plain token (letters, digits, {@code . _ : -}, 8 to 64
 * characters): EU and UN systems correlate with their own ids, and the pattern keeps log injection and
 * oversized values out. Anything else is replaced by a fresh UUID, so the id is never missing.
 */
public final class RequestId {
    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "dcis.request-id";
    /** The MDC key, as the services name it too (the platform's RequestIds). */
    public static final String MDC_KEY = "requestId";
    public static final String SPAN_ATTRIBUTE = "dcis.request_id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{8,64}");
    private static final Logger ACCESS = Logger.getLogger("org.dcis.gateway.access");

    private RequestId() {
    }

    public static String of(RoutingContext ctx) {
        return ctx.get(KEY);
    }

    static String choose(String given) {
        return given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    /** First handler of every request. */
    public static void handle(RoutingContext ctx) {
        String id = choose(ctx.request().getHeader(HEADER));
        ctx.put(KEY, id);
        // every log line of the request carries it (Quarkus keeps the MDC in the request's Vert.x context), and so
        // does the gateway's server span: one search finds the request in logs and traces
        MDC.put(MDC_KEY, id);
        Span.current().setAttribute(SPAN_ATTRIBUTE, id);
        ctx.response().putHeader(HEADER, id);
        long start = System.nanoTime();
        ctx.addEndHandler(done -> {
            MDC.put(MDC_KEY, id);
            try {
                ACCESS.infof("%s %s %s -> %d in %d ms (caller %s)", id, ctx.request().method(),
                        ctx.normalizedPath(), ctx.response().getStatusCode(),
                        (System.nanoTime() - start) / 1_000_000, caller(ctx));
            } finally {
                MDC.remove(MDC_KEY);
            }
        });
        ctx.next();
    }

    private static String caller(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous()) {
                return identity.getPrincipal().getName();
            }
        }
        return "anonymous";
    }
}

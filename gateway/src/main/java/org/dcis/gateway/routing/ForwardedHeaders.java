package org.dcis.gateway.routing;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

import org.dcis.gateway.observability.RequestId;

/**
 * Header hygiene at the edge. Clients must not be able to tell a service who they are or where they come
 * from by headers: identity only travels in the signed token. So every proxy, address and identity
 * header sent by a client is dropped, and the gateway writes the forwarding headers from what it saw
 * itself (it is the first hop: it overwrites, never appends).
 */
final class ForwardedHeaders {
    /** Dropped whatever follows the prefix (X-Forwarded-For, X-Auth-User, X-User-Roles, ...). */
    private static final List<String> DROPPED_PREFIXES = List.of("x-forwarded-", "x-auth-", "x-user", "x-remote-",
            "x-dcis-", "x-original-", "x-real-", "x-client-", "x-role", "x-post");
    /** Dropped by exact name. Method overrides would let a read pass as a write downstream. */
    private static final Set<String> DROPPED = Set.of("forwarded", "x-roles", "x-post-id", "x-authenticated-user",
            "true-client-ip", "cf-connecting-ip", "x-cluster-client-ip", "x-rewrite-url", "x-http-method-override",
            "x-http-method", "x-method-override", "x-request-id", "remote-user", "proxy-authorization",
            // the caller's trace context is not ours to continue (see EdgeTracing): the services get the gateway's
            "traceparent", "tracestate", "baggage");

    private ForwardedHeaders() {
    }

    static boolean isDropped(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return DROPPED.contains(lower) || DROPPED_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    static void apply(MultiMap headers, HttpServerRequest client, String publicPrefix, String requestId) {
        List<String> names = headers.names().stream().filter(ForwardedHeaders::isDropped).toList();
        names.forEach(headers::remove);
        String address = client.remoteAddress() == null ? "unknown" : client.remoteAddress().hostAddress();
        headers.set("X-Forwarded-For", address);
        headers.set("X-Forwarded-Proto", client.scheme() == null ? "http" : client.scheme());
        if (client.authority() != null) {
            headers.set("X-Forwarded-Host", client.authority().toString());
        }
        headers.set("X-Forwarded-Prefix", publicPrefix);
        headers.set(RequestId.HEADER, requestId);
    }
}

package org.dcis.gateway.security;

import java.util.Optional;

import io.vertx.core.http.HttpMethod;

/** The coarse kind of a request, as the route table speaks of it. */
public enum Access {
    READ, WRITE;

    /**
     * Only the methods the API uses; anything else (TRACE, CONNECT, WebDAV verbs...) has no access
     * kind and is refused, so an odd method can never slip past the table.
     */
    public static Optional<Access> of(HttpMethod method) {
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            return Optional.of(READ);
        }
        if (HttpMethod.POST.equals(method) || HttpMethod.PUT.equals(method) || HttpMethod.PATCH.equals(method)
                || HttpMethod.DELETE.equals(method)) {
            return Optional.of(WRITE);
        }
        return Optional.empty();
    }
}

package org.dcis.platform.web;

import java.net.URI;

import jakarta.ws.rs.core.Response;

/** Responses every resource builds the same way. */
public final class Responses {
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private Responses() {
    }

    /** 201 with Location and ETag; a replayed create says so in {@code Idempotent-Replayed}. */
    public static Response created(Created<?> created, URI location, long version) {
        Response.ResponseBuilder response = Response.created(location).entity(created.value()).tag(ETags.of(version));
        if (created.replayed()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.build();
    }

    /** 200 with the ETag of the version shown. */
    public static Response ok(Object entity, long version) {
        return Response.ok(entity).tag(ETags.of(version)).build();
    }
}

package org.dcis.cooperation.web;

import java.net.URI;

import jakarta.ws.rs.core.Response;

import org.dcis.cooperation.shared.Created;

/** Responses shared by the resources. */
public final class Responses {
    private Responses() {
    }

    /** 201 with Location and ETag; a replayed create says so in {@code Idempotent-Replayed}. */
    public static Response created(Created<?> created, URI location, long version) {
        Response.ResponseBuilder response = Response.created(location).entity(created.value()).tag(ETags.of(version));
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }
}

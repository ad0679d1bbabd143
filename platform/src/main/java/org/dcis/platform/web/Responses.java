package org.dcis.platform.web;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.ConfigProvider;

/** Responses every resource builds the same way. */
public final class Responses {
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    /**
     * The public address under which clients reach this service (e.g. {@code https://dcis.example/api/cooperation}),
     * the base of every {@code Location}. Unset, a {@code Location} is the path alone, relative to the request
     * (RFC 9110 §10.2.2). Never taken from the request: a {@code Host} header names whatever the caller wants.
     */
    public static final String PUBLIC_BASE_URI = "dcis.http.public-base-uri";

    private Responses() {
    }

    /**
     * 201 with Location and ETag; a replayed create says so in {@code Idempotent-Replayed}.
     *
     * @param location the path of the created resource in this service, e.g. {@code /cases/<id>}
     */
    public static Response created(Created<?> created, URI location, long version) {
        // the header is set as text: JAX-RS' location() would make a relative URI absolute with the request's Host
        Response.ResponseBuilder response = Response.status(Response.Status.CREATED).entity(created.value())
                .tag(ETags.of(version)).header(HttpHeaders.LOCATION, publicLocation(location));
        if (created.replayed()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.build();
    }

    /** 200 with the ETag of the version shown. */
    public static Response ok(Object entity, long version) {
        return Response.ok(entity).tag(ETags.of(version)).build();
    }

    /** The Location of a resource: the configured public base followed by its path, or the path alone. */
    static String publicLocation(URI location) {
        if (location.isAbsolute()) {
            return location.toString();
        }
        Optional<String> base = ConfigProvider.getConfig().getOptionalValue(PUBLIC_BASE_URI, String.class)
                .map(String::strip).filter(b -> !b.isEmpty());
        String path = location.toString().startsWith("/") ? location.toString() : "/" + location;
        return base.map(b -> (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + path).orElse(path);
    }
}

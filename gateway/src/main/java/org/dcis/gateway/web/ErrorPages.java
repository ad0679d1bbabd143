package org.dcis.gateway.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Engine;

/**
 * Clear pages, never a blank one or a stack trace: a service down (503), not allowed (403), not found (404). Only
 * for the web app's paths; the API keeps its problem+json answers.
 */
public class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Engine engine;

    @Inject
    WebUser user;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e) {
        LOG.warnf("Page %s: %s (%s)", uri.getPath(), e.getMessage(), e.getCause() == null ? "answered 5xx" : e.getCause().toString());
        return error(503, "unavailable").header("Retry-After", "10").build();
    }

    @ServerExceptionMapper
    public Response refused(PageRefused e) {
        return switch (e.status()) {
            case 403 -> error(403, "forbidden").build();
            case 401 -> error(401, "expired").build();
            default -> error(404, "not-found").build();
        };
    }

    private Response.ResponseBuilder error(int status, String kind) {
        var locale = Locales.of(headers);
        String body = engine.getTemplate("error").instance().setLocale(locale)
                .data("lang", locale.getLanguage()).data("user", user).data("area", "")
                .data("here", uri.getRequestUri().getRawPath())
                .data("hereEncoded", java.net.URLEncoder.encode(uri.getRequestUri().getRawPath(), java.nio.charset.StandardCharsets.UTF_8))
                .data("kind", kind).data("status", status).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body);
    }
}

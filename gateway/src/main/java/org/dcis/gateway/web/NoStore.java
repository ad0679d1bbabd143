package org.dcis.gateway.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every page of the web app holds someone's data: never cached (the back button after logout shows nothing), never
 * framed, scripts and styles only from the gateway itself (all assets are bundled; nothing from elsewhere).
 */
public class NoStore {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/app") && !path.equals("/signed-out")) {
            return;
        }
        var headers = response.getHeaders();
        headers.putSingle("Cache-Control", "no-store");
        headers.putSingle("Pragma", "no-cache");
        headers.putSingle("Content-Security-Policy", POLICY);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
        headers.putSingle("X-Frame-Options", "DENY");
    }
}

package org.dcis.gateway.web;

/**
 * The paths of the web app, which a browser opens with its session cookie rather than a bearer token. Everything
 * else (the API under /api) still demands a bearer token before any other work; /app is guarded by the OIDC tenant
 * "web" (login, session) and the public assets need nothing.
 */
public final class WebPaths {
    private WebPaths() {
    }

    public static boolean browser(String path) {
        return path != null && (path.equals("/") || path.equals("/app") || path.startsWith("/app/")
                || path.equals("/signed-out") || path.equals("/favicon.ico") || path.startsWith("/static/") || path.startsWith("/maps/"));
    }
}

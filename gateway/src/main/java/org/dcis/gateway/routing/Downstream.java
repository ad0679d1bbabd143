package org.dcis.gateway.routing;

import java.net.URI;
import java.util.regex.Pattern;

import org.dcis.gateway.GatewayConfig;

/**
 * The routes of the gateway to the services behind it, each a public prefix (docs/conventions.md): the prefix is
 * replaced by the route's path in the service, so {@code /api/posts/countries} reaches posts-service as
 * {@code /countries} and {@code /api/dashboard/summary} reaches cooperation-service as {@code /dashboard/summary}.
 * A service's own route ({@link #isServiceRoot()}) is the one its health and OpenAPI document are read through.
 */
public enum Downstream {
    POSTS("posts-service", "/api/posts", ""),
    COOPERATION("cooperation-service", "/api/cooperation", ""),
    /** The headquarters dashboard: cooperation-service's {@code /dashboard/**}, published under its own prefix. */
    DASHBOARD("cooperation-service", "/api/dashboard", "/dashboard"),
    /** The partner API for EU and UN mission systems: cooperation-service's {@code /partner/**} ({@code /partner/v1/...}). */
    PARTNER("cooperation-service", "/api/partner", "/partner");

    private final String service;
    private final String prefix;
    private final String servicePath;
    private final Pattern paths;

    Downstream(String service, String prefix, String servicePath) {
        this.service = service;
        this.prefix = prefix;
        this.servicePath = servicePath;
        // the prefix itself or the prefix followed by a slash: /api/postsX is not posts-service
        this.paths = Pattern.compile("^" + Pattern.quote(prefix) + "(/.*)?$");
    }

    public String service() {
        return service;
    }

    public String prefix() {
        return prefix;
    }

    public Pattern paths() {
        return paths;
    }

    /** Where the prefix leads in the service: "" (its root) or a path such as {@code /dashboard}. */
    public String servicePath() {
        return servicePath;
    }

    /** The route of the service's root: the one whose health and OpenAPI document stand for the service. */
    public boolean isServiceRoot() {
        return servicePath.isEmpty();
    }

    /**
     * A path of the service (as its OpenAPI document names it) under its public prefix: the route whose service path
     * holds it, else the service's root route. {@code /dashboard/summary} of cooperation-service is
     * {@code /api/dashboard/summary}.
     */
    public static String publicPath(Downstream root, String servicePathOfOperation) {
        for (Downstream route : values()) {
            if (!route.isServiceRoot() && route.service.equals(root.service) && route.holds(servicePathOfOperation)) {
                return route.prefix + servicePathOfOperation.substring(route.servicePath.length());
            }
        }
        return root.prefix + ("/".equals(servicePathOfOperation) ? "" : servicePathOfOperation);
    }

    /**
     * A path under a service's root route that another route publishes ({@code /api/cooperation/dashboard/...} is
     * {@code /api/dashboard/...}): one public path per operation, so the gateway answers 404 for the other one.
     */
    public boolean publishedElsewhere(String publicPath) {
        if (!isServiceRoot()) {
            return false;
        }
        String rest = publicPath.substring(prefix.length());
        for (Downstream route : values()) {
            if (!route.isServiceRoot() && route.service.equals(service) && route.holds(rest)) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(String path) {
        return path.equals(servicePath) || path.startsWith(servicePath + "/");
    }

    public URI baseUrl(GatewayConfig config) {
        return base(switch (this) {
            case POSTS -> config.postsUrl();
            case COOPERATION, DASHBOARD, PARTNER -> config.cooperationUrl();
        });
    }

    /** Where the service serves its health and metrics: its management interface, which is never relayed. */
    public URI managementUrl(GatewayConfig config) {
        return base(switch (this) {
            case POSTS -> config.postsManagementUrl();
            case COOPERATION, DASHBOARD, PARTNER -> config.cooperationManagementUrl();
        });
    }

    private static URI base(String url) {
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** The path and query the service sees for a (normalized) public path. */
    public String downstreamUri(URI base, String publicPath, String query) {
        String rest = publicPath.substring(prefix.length());
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = basePath + servicePath + (rest.isEmpty() && servicePath.isEmpty() ? "/" : rest);
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }
}

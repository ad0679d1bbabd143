package org.dcis.gateway.routing;

import java.net.URI;
import java.util.regex.Pattern;

import org.dcis.gateway.GatewayConfig;

/**
 * The services behind the gateway and the public prefix of each (docs/conventions.md): the prefix is
 * stripped, so {@code /api/posts/countries} reaches posts-service as {@code /countries}.
 */
public enum Downstream {
    POSTS("posts-service", "/api/posts"),
    COOPERATION("cooperation-service", "/api/cooperation");

    private final String service;
    private final String prefix;
    private final Pattern paths;

    Downstream(String service, String prefix) {
        this.service = service;
        this.prefix = prefix;
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

    public URI baseUrl(GatewayConfig config) {
        return base(switch (this) {
            case POSTS -> config.postsUrl();
            case COOPERATION -> config.cooperationUrl();
        });
    }

    /** Where the service serves its health and metrics: its management interface, which is never relayed. */
    public URI managementUrl(GatewayConfig config) {
        return base(switch (this) {
            case POSTS -> config.postsManagementUrl();
            case COOPERATION -> config.cooperationManagementUrl();
        });
    }

    private static URI base(String url) {
        return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** The path and query the service sees for a (normalized) public path. */
    public String downstreamUri(URI base, String publicPath, String query) {
        String rest = publicPath.substring(prefix.length());
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = basePath + (rest.isEmpty() ? "/" : rest);
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }
}

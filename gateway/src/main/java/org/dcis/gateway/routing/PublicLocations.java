package org.dcis.gateway.routing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.vertx.core.MultiMap;

import org.dcis.gateway.GatewayConfig;

/**
 * Turns the addresses a service gives in {@code Location} and {@code Content-Location} into addresses a
 * client of the gateway can follow. A service builds them from the request it received, that is from the
 * gateway's downstream connection ({@code http://localhost:8082/cases/42}); the client must get
 * {@code <scheme>://<host the client called>/api/cooperation/cases/42}.
 * <ul>
 * <li>an absolute address on a service's base URL (any service behind the gateway, not only the one that
 * answered) becomes the gateway's scheme and authority as the client saw them, the service's public prefix
 * and the rest of the path, query and fragment unchanged;</li>
 * <li>a relative address (like {@code /cases/42} or {@code 42}) is resolved against the request the
 * service received and stays relative, under the public prefix ({@code /api/cooperation/cases/42});</li>
 * <li>any other address (another site) is left as it is: the gateway translates only the addresses it
 * owns and never dresses another site up as a gateway URL;</li>
 * <li>a value that is not a URI at all is dropped, so that a malformed internal address cannot leak.</li>
 * </ul>
 */
final class PublicLocations {
    static final List<String> HEADERS = List.of("Location", "Content-Location");

    private record Service(URI base, String basePath, String prefix) {
        /** The path under this service's base, or empty when the address is not on this service. */
        Optional<String> pathUnder(URI address) {
            if (address.getScheme() == null || address.getHost() == null
                    || !address.getScheme().equalsIgnoreCase(base.getScheme())
                    || !address.getHost().equalsIgnoreCase(base.getHost())
                    || effectivePort(address) != effectivePort(base)) {
                return Optional.empty();
            }
            String path = address.getRawPath() == null ? "" : address.getRawPath();
            if (!path.startsWith(basePath)) {
                return Optional.empty();
            }
            String rest = path.substring(basePath.length());
            if (!rest.isEmpty() && !rest.startsWith("/") || rest.equals("/..") || rest.startsWith("/../")) {
                return Optional.empty();
            }
            return Optional.of(rest);
        }
    }

    private final List<Service> services = new ArrayList<>();

    /** @param bases each service's base URL by its public prefix */
    PublicLocations(Map<String, URI> bases) {
        bases.forEach((prefix, base) -> services.add(
                new Service(base, base.getRawPath() == null ? "" : base.getRawPath(), prefix)));
    }

    static PublicLocations of(GatewayConfig config) {
        Map<String, URI> bases = new LinkedHashMap<>();
        for (Downstream downstream : Downstream.values()) {
            bases.put(downstream.prefix(), downstream.baseUrl(config));
        }
        return new PublicLocations(bases);
    }

    /**
     * Rewrites the address headers of one answer in place.
     *
     * @param requested the absolute URI the service was asked for (relative addresses are resolved against it),
     *        worked out only when there is an address to rewrite
     * @param scheme the scheme the client used to reach the gateway
     * @param authority the host (and port) the client called, null when it sent none
     */
    void rewrite(MultiMap headers, Supplier<URI> requested, String scheme, String authority) {
        for (String name : HEADERS) {
            List<String> values = headers.getAll(name);
            if (values.isEmpty()) {
                continue;
            }
            List<String> rewritten = new ArrayList<>();
            for (String value : values) {
                String result = toPublic(value, requested.get(), scheme, authority);
                if (result != null) {
                    rewritten.add(result);
                }
            }
            headers.remove(name);
            if (!rewritten.isEmpty()) {
                headers.add(name, rewritten);
            }
        }
    }

    /** The address for the client, the same value when it points elsewhere, null when it is not a URI. */
    String toPublic(String value, URI requested, String scheme, String authority) {
        URI reference;
        try {
            reference = new URI(value.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        boolean relative = reference.getScheme() == null && reference.getRawAuthority() == null;
        URI absolute = reference.getScheme() == null ? requested.resolve(reference) : reference;
        for (Service service : services) {
            Optional<String> rest = service.pathUnder(absolute.normalize());
            if (rest.isPresent()) {
                String path = service.prefix() + rest.get();
                String tail = (absolute.getRawQuery() == null ? "" : "?" + absolute.getRawQuery())
                        + (absolute.getRawFragment() == null ? "" : "#" + absolute.getRawFragment());
                if (relative || authority == null || authority.isBlank()) {
                    return path + tail;
                }
                return scheme.toLowerCase(Locale.ROOT) + "://" + authority + path + tail;
            }
        }
        return value;
    }

    /** The absolute URI a service was asked for, for resolving its relative addresses. */
    static URI requested(URI base, String downstreamUri) {
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        try {
            return new URI(origin + downstreamUri);
        } catch (URISyntaxException e) {
            // a query the URI class will not parse (raw characters the server accepted): the path is enough
            int query = downstreamUri.indexOf('?');
            try {
                return new URI(origin + (query >= 0 ? downstreamUri.substring(0, query) : downstreamUri));
            } catch (URISyntaxException again) {
                return URI.create(origin + "/");
            }
        }
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}

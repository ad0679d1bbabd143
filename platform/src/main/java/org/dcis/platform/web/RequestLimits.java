package org.dcis.platform.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dcis.platform.problem.ProblemType;

/**
 * What the suite refuses about a request before reading it, the same at the gateway and in both services.
 * <p>
 * The HTTP codec (Vert.x) would refuse an overlong request line or header section itself, with an empty
 * body and no way for an application to answer otherwise. So the codec's own limits are set far above these
 * ({@code quarkus.http.limits.max-initial-line-length} and {@code max-header-size} in each application), and
 * the suite answers here, with a problem: the codec's limits stay only as the last guard against requests no
 * client sends by mistake.
 */
public final class RequestLimits {
    /** The longest request target (path and query) answered: beyond it, 414. */
    public static final int MAX_URI_LENGTH = 4096;
    /** The largest header section (names, values and their separators) answered: beyond it, 431. */
    public static final int MAX_HEADER_BYTES = 20 * 1024;

    /** Why a request is refused, as the problem type and the detail to send. */
    public record Refusal(ProblemType type, String detail) {
    }

    private RequestLimits() {
    }

    /** The refusal of a request by its target and headers, if any. */
    public static Optional<Refusal> check(String uri, Iterable<Map.Entry<String, String>> headers) {
        if (uri != null && uri.length() > MAX_URI_LENGTH) {
            return Optional.of(new Refusal(ProblemType.URI_TOO_LONG,
                    "The request target is longer than " + MAX_URI_LENGTH + " characters"));
        }
        long bytes = 0;
        int authorizations = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
            if ("Authorization".equalsIgnoreCase(header.getKey())) {
                authorizations++;
            }
        }
        if (bytes > MAX_HEADER_BYTES) {
            return Optional.of(new Refusal(ProblemType.HEADERS_TOO_LARGE,
                    "The request's header fields are larger than " + MAX_HEADER_BYTES / 1024 + " KiB"));
        }
        if (authorizations > 1) {
            // Which of two tokens would be checked is up to each component: refuse rather than guess.
            return Optional.of(new Refusal(ProblemType.UNAUTHENTICATED, "Send one Authorization header"));
        }
        return Optional.empty();
    }

    /**
     * Whether a request carries a body without saying what it is: a missing or blank Content-Type on a request
     * with a body (a JSON body must be declared, 415). A request without a body needs no Content-Type.
     */
    public static boolean undeclaredBody(String method, String contentType, String contentLength,
            List<String> transferEncodings) {
        if (contentType != null && !contentType.isBlank()) {
            return false;
        }
        if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
            return false;
        }
        boolean chunked = transferEncodings.stream().anyMatch(value -> value.toLowerCase().contains("chunked"));
        return chunked || (contentLength != null && !contentLength.strip().equals("0"));
    }
}

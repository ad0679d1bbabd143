package org.dcis.platform.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * The one list of problem types of the suite (docs/conventions.md, "Problem types"). Both services and the
 * gateway answer every error with one of these; a test in each app checks what it can emit against the
 * documented list, so a new type is a documented decision, not a slip.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "Invalid request"),
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON"),
    BAD_REQUEST("bad-request", 400, "Bad request"),
    UNAUTHENTICATED("unauthenticated", 401, "Authentication required"),
    FORBIDDEN("forbidden", 403, "Forbidden"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "Conflict"),
    STALE_VERSION("stale-version", 412, "Precondition failed"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Request body too large"),
    URI_TOO_LONG("uri-too-long", 414, "URI too long"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    RULE_BROKEN("rule-broken", 422, "Request breaks a rule"),
    VERSION_REQUIRED("version-required", 428, "Precondition required"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    HEADERS_TOO_LARGE("headers-too-large", 431, "Request headers too large"),
    INTERNAL("internal", 500, "Internal error"),
    BAD_GATEWAY("bad-gateway", 502, "Bad gateway"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable"),
    GATEWAY_TIMEOUT("gateway-timeout", 504, "Service did not answer in time");

    /** Every type URI starts with this; the slug after it names the type. */
    public static final String BASE = "https://dcis.example/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public static Optional<ProblemType> ofSlug(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
    }

    /**
     * The type of an HTTP status the framework produced on its own (an unknown path, a wrong method...):
     * the listed type of that status, else the generic type of its class.
     */
    public static ProblemType ofStatus(int status) {
        return Arrays.stream(values()).filter(type -> type.status == status && type != MALFORMED_JSON
                && type != VALIDATION).findFirst().orElse(status >= 500 ? INTERNAL : BAD_REQUEST);
    }
}

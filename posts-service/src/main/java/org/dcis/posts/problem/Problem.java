package org.dcis.posts.problem;

import java.net.URI;
import java.util.List;

import org.dcis.posts.rules.FieldViolation;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, with field violations and, for unexpected failures, a logged error id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance,
        List<FieldViolation> violations, String errorId) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The challenge of every 401 (RFC 6750); deliberately silent about what was wrong with a presented token. */
    public static final String BEARER_CHALLENGE = "Bearer";
    private static final String BASE = "https://dcis.example/problems/";

    public static Problem of(String type, String title, int status, String detail, String instance,
            List<FieldViolation> violations) {
        return new Problem(URI.create(BASE + type), title, status, detail, instance,
                violations == null || violations.isEmpty() ? null : violations, null);
    }

    /** No valid access token: the same answer whatever was wrong, so that it helps no forger. */
    public static Problem unauthorized(String instance) {
        return of("unauthorized", "Unauthorized", 401, "a valid bearer token is required", instance, null);
    }

    public static Problem forbidden(String instance) {
        return of("forbidden", "Forbidden", 403, "your roles do not allow this request", instance, null);
    }

    public Problem withErrorId(String errorId) {
        return new Problem(type, title, status, detail, instance, violations, errorId);
    }
}

package org.dcis.platform.problem;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem detail, with field violations and, for unexpected failures, a logged error id. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, List<Violation> violations,
        String errorId) {
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The challenge of every 401 (RFC 6750); deliberately silent about what was wrong with a presented token. */
    public static final String BEARER_CHALLENGE = "Bearer";

    /** An {@code instance} longer than this (a hostile path) is left out rather than echoed. */
    public static final int MAX_INSTANCE = 200;

    public Problem {
        violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
        instance = instance == null || instance.length() > MAX_INSTANCE ? null : instance;
    }

    public static Problem of(ProblemType type, String detail, String instance, List<Violation> violations) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, violations, null);
    }

    public static Problem of(ProblemType type, String detail, String instance) {
        return of(type, detail, instance, null);
    }

    /** No valid access token: the same answer whatever was wrong, so that it helps no forger. */
    public static Problem unauthenticated(String instance) {
        return of(ProblemType.UNAUTHENTICATED, "a valid bearer access token is required", instance);
    }

    /** A refusal by role alone, which does not say which roles would do. */
    public static Problem forbidden(String instance) {
        return of(ProblemType.FORBIDDEN, "your roles do not allow this request", instance);
    }

    public Problem withErrorId(String id) {
        return new Problem(type, title, status, detail, instance, violations, id);
    }
}

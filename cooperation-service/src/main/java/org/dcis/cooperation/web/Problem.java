package org.dcis.cooperation.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.dcis.cooperation.shared.Violation;

/** RFC 9457 problem details, with the field-level violations of docs/conventions.md. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations,
        String errorId) {
    public static final String MEDIA_TYPE = "application/problem+json";
    static final String BASE = "https://dcis.example/problems/";
    /** The challenge of every 401 (RFC 6750); deliberately silent about what was wrong with a presented token. */
    static final String BEARER_CHALLENGE = "Bearer";

    /** No valid access token: the same answer whatever was wrong, so that it helps no forger. */
    static Problem unauthorized(String instance) {
        return new Problem(BASE + "unauthorized", "Unauthorized", 401, "a valid access token is required", instance, null,
                null);
    }

    static Problem forbidden(String detail, String instance) {
        return new Problem(BASE + "forbidden", "Forbidden", 403, detail, instance, null, null);
    }

    /** A refusal by role alone, which does not say which roles would do. */
    static Problem forbidden(String instance) {
        return forbidden("your roles do not allow this operation", instance);
    }
}

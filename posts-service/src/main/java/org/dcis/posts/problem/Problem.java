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
    private static final String BASE = "https://dcis.example/problems/";

    public static Problem of(String type, String title, int status, String detail, String instance,
            List<FieldViolation> violations) {
        return new Problem(URI.create(BASE + type), title, status, detail, instance,
                violations == null || violations.isEmpty() ? null : violations, null);
    }

    public Problem withErrorId(String errorId) {
        return new Problem(type, title, status, detail, instance, violations, errorId);
    }
}

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
}

package org.dcis.posts.rules;

/** One invalid field of a request, named by its JSON path (e.g. {@code coverage[0]}). */
public record FieldViolation(String field, String message) {
}

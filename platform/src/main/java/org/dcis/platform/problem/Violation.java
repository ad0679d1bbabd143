package org.dcis.platform.problem;

/** One broken rule on one field, the field named by its JSON path ({@code countries[1]}) or parameter name. */
public record Violation(String field, String message) {
}

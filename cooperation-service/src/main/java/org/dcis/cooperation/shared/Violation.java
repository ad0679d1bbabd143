package org.dcis.cooperation.shared;

/** One broken rule on one field, the field named by its JSON path (e.g. {@code countries[1]}). */
public record Violation(String field, String message) {
}

package org.dcis.gateway.web;

import java.util.List;
import java.util.Map;

import io.quarkus.qute.TemplateData;

/**
 * The one form of a registry page that came back from the service unaccepted: its name ({@code open},
 * {@code coverage}, {@code status}, {@code assign}, {@code end:<assignment id>}), what the user typed, the
 * violations by field (the service's JSON paths), the problem's detail, and on a 412 the fresh values. Every other
 * form of the page shows the stored values.
 */
@TemplateData
public record RegistryForm(String name, Map<String, String> values, Map<String, List<String>> lists,
                           Map<String, String> violations, String problem, boolean conflict) {

    public static final RegistryForm NONE = new RegistryForm("", Map.of(), Map.of(), Map.of(), null, false);

    /** Whether the form {@code form} is the one that failed. */
    public boolean is(String form) {
        return name.equals(form);
    }

    /** What the user typed in {@code field} of {@code form} when that form failed, else {@code fallback}. */
    public Object value(String form, String field, Object fallback) {
        if (!is(form)) {
            return fallback == null ? "" : fallback;
        }
        return values.getOrDefault(field, "");
    }

    /**
     * The version a form sends as If-Match: the one the user saw when their form failed for another reason (so a
     * change made meanwhile is still caught), the fresh one after a 412 (the user has now seen the fresh values).
     */
    public Object version(String form, Object fresh) {
        if (!is(form) || conflict || !values.containsKey("version")) {
            return fresh;
        }
        return values.get("version");
    }

    /** Whether {@code option} was chosen in the multi-valued {@code field} of the failed {@code form}. */
    public boolean chosen(String form, String field, String option) {
        return is(form) && lists.getOrDefault(field, List.of()).contains(option);
    }

    /** The violation of {@code field} when {@code form} failed, or null. */
    public String error(String form, String field) {
        return is(form) ? violations.get(field) : null;
    }

    /** Whether the failed form is one of the "end this assignment" forms (their messages sit above the table). */
    public boolean ending() {
        return name.startsWith("end:");
    }

    public String problemOf(String form) {
        return is(form) ? problem : null;
    }

    public boolean conflictOf(String form) {
        return is(form) && conflict;
    }
}

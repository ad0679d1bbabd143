package org.dcis.gateway.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkus.qute.TemplateData;

/**
 * One officer form as a page shows it: the values (typed by the user, or the stored ones), the service's violations
 * by field (its JSON path, which is also the form field's name), the problem's detail, the Idempotency-Key of a
 * creation and the version a revision names in If-Match.
 */
@TemplateData
public final class OfficerForm {
    private static final Pattern INDEX = Pattern.compile("\\[\\d+\\]$");

    private final Map<String, String> values;
    private final Map<String, List<String>> lists;
    private final Map<String, String> violations;
    private final String problem;
    private final String key;
    private final String version;
    private List<String> others = List.of();

    OfficerForm(Map<String, String> values, Map<String, List<String>> lists, Map<String, String> violations,
                String problem, String key, String version) {
        this.values = values;
        this.lists = lists;
        this.violations = violations;
        this.problem = problem;
        this.key = key;
        this.version = version;
    }

    /** An empty form with a fresh Idempotency-Key. */
    static OfficerForm blank() {
        return new OfficerForm(new LinkedHashMap<>(), new LinkedHashMap<>(), Map.of(), null, fresh(), null);
    }

    static OfficerForm of(Map<String, String> values, Map<String, List<String>> lists, String version) {
        return new OfficerForm(values, lists, Map.of(), null, fresh(), version);
    }

    /** The same values, refused by the service: its violations and detail, a new key (nothing was created). */
    OfficerForm refused(Map<String, String> violations, String problem, List<String> fields) {
        OfficerForm form = new OfficerForm(values, lists, violations, problem, fresh(), version);
        form.others = others(violations, fields);
        return form;
    }

    OfficerForm withVersion(String newVersion) {
        OfficerForm form = new OfficerForm(values, lists, violations, problem, key, newVersion);
        form.others = others;
        return form;
    }

    static String fresh() {
        return UUID.randomUUID().toString();
    }

    Map<String, String> values() {
        return values;
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** Whether a multi-valued field (checkboxes) holds the option. */
    public boolean has(String name, String option) {
        return lists.getOrDefault(name, List.of()).contains(option);
    }

    /** The message of the field, with those of its list items ({@code themes[0]} counts for {@code themes}). */
    public String error(String name) {
        List<String> messages = new ArrayList<>();
        violations.forEach((field, message) -> {
            if (field.equals(name) || (field.startsWith(name + "[") && INDEX.matcher(field.substring(name.length())).matches())) {
                messages.add(message);
            }
        });
        return messages.isEmpty() ? null : String.join("; ", messages);
    }

    public boolean invalid(String name) {
        return error(name) != null;
    }

    /** Violations naming none of the form's {@code fields} ({@code body}, a header...), listed under the problem. */
    static List<String> others(Map<String, String> violations, List<String> fields) {
        List<String> rest = new ArrayList<>();
        violations.forEach((field, message) -> {
            String base = field.replaceAll("\\[\\d+\\]", "");
            if (!fields.contains(field) && !fields.contains(base)) {
                rest.add(field + ": " + message);
            }
        });
        return rest;
    }

    public List<String> others() {
        return others;
    }

    public String problem() {
        return problem;
    }

    public String key() {
        return key;
    }

    public String version() {
        return version == null ? "" : version;
    }

    public boolean refused() {
        return problem != null;
    }
}

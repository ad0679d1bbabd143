package org.dcis.gateway.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The analyst's filters, as they stand in the page's URL (so a view can be bookmarked and shared) and as the
 * dashboard API takes them: the same names, passed through unchanged, checked by the service (a bad value comes
 * back as a 400 naming it, shown next to its field).
 */
public record NetworkFilters(Map<String, String> values) {
    public static final List<String> NAMES = List.of("from", "to", "theme", "kind", "framework", "organisation",
            "mission", "continent", "country", "post", "status");
    /** The filters the action list of cooperation-service knows: all of them. */
    private static final List<String> ACTION_LIST_NAMES = NAMES;

    public static NetworkFilters of(MultivaluedMap<String, String> query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : NAMES) {
            String value = query.getFirst(name);
            if (value != null && !value.isBlank()) {
                values.put(name, value.strip());
            }
        }
        return new NetworkFilters(values);
    }

    public Map<String, String> dashboard() {
        return values;
    }

    /**
     * For GET /actions: the same filters, but a case status (OPEN, CLOSED) is left to the figures (the list's status
     * is the action's own).
     */
    public Map<String, String> actionList() {
        Map<String, String> list = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (ACTION_LIST_NAMES.contains(name) && !(name.equals("status") && (value.equals("OPEN") || value.equals("CLOSED")))) {
                list.put(name, value);
            }
        });
        return list;
    }

    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean any() {
        return !values.isEmpty();
    }

    /** The query string of these filters, for the CSV link and the post pages. */
    public String query() {
        StringBuilder query = new StringBuilder();
        values.forEach((name, value) -> query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        return query.toString();
    }
}

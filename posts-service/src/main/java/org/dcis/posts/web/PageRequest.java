package org.dcis.posts.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dcis.posts.rules.FieldViolation;
import org.dcis.posts.rules.RegistryException;

import io.quarkus.panache.common.Sort;

/** Paging and sorting parameters, checked against the fields a list can be sorted by. */
public record PageRequest(int page, int size, String sortField, boolean descending) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size, String sort, List<String> sortable, String defaultSort) {
        List<FieldViolation> violations = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            violations.add(new FieldViolation("page", "page is 0-based and cannot be negative"));
        }
        if (s < 1 || s > MAX_SIZE) {
            violations.add(new FieldViolation("size", "size must be between 1 and " + MAX_SIZE));
        }
        String field = defaultSort;
        boolean desc = false;
        if (sort != null && !sort.isBlank()) {
            String[] parts = sort.split(",");
            field = parts[0].trim();
            if (parts.length > 2 || (parts.length == 2 && !parts[1].trim().matches("(?i)asc|desc"))) {
                violations.add(new FieldViolation("sort", "sort is 'field' or 'field,asc|desc'"));
            }
            desc = parts.length == 2 && parts[1].trim().equalsIgnoreCase("desc");
            if (!sortable.contains(field)) {
                violations.add(new FieldViolation("sort", "cannot sort by '" + field + "'; sortable: " + sortable));
            }
        }
        if (!violations.isEmpty()) {
            throw RegistryException.invalid(violations);
        }
        return new PageRequest(p, s, field, desc);
    }

    /** The Panache sort (API sort names mapped to query attributes), with a tie-breaker so pages are stable. */
    public Sort sort(Map<String, String> attributes, String tieBreaker) {
        String attribute = attributes.getOrDefault(sortField, sortField);
        Sort sort = Sort.by(attribute, descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
        return attribute.equals(tieBreaker) ? sort : sort.and(tieBreaker);
    }

    public <T> List<T> slice(List<T> all) {
        int from = Math.min(page * size, all.size());
        return all.subList(from, Math.min(from + size, all.size()));
    }
}

package org.dcis.platform.paging;

import java.util.Set;

import org.dcis.platform.problem.InvalidParameter;

import io.quarkus.panache.common.Sort;

/**
 * A page of a list (docs/conventions.md, "Lists"): 0-based page, size 1 to 200, one sort field among those
 * the list allows, ascending unless {@code ,desc}. Whatever the client sends becomes a 400 naming the
 * parameter or a query the database can run: the offset is bounded so page × size never overflows.
 */
public record PageQuery(int page, int size, String sortField, boolean descending) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;
    /** Beyond this offset a list is not paged but dumped; the bound keeps page × size inside an int. */
    public static final int MAX_OFFSET = 1_000_000;

    /**
     * Parses the {@code page}, {@code size} and {@code sort} query parameters of a list as the client sent them:
     * a resource declares them as {@code String}, so that {@code page=abc} or {@code page=99999999999} is a 400
     * naming the parameter (a JAX-RS {@code Integer} parameter that cannot be converted is a 404).
     */
    public static PageQuery parse(String page, String size, String sort, Set<String> sortable, String defaultSort) {
        return of(number("page", page), number("size", size), sort, sortable, defaultSort);
    }

    /** Parses the {@code page}, {@code size} and {@code sort} parameters of a list. */
    public static PageQuery of(Integer page, Integer size, String sort, Set<String> sortable, String defaultSort) {
        return of(page == null ? null : page.longValue(), size == null ? null : size.longValue(), sort, sortable,
                defaultSort);
    }

    private static PageQuery of(Long page, Long size, String sort, Set<String> sortable, String defaultSort) {
        long p = page == null ? 0 : page;
        long s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new InvalidParameter("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidParameter("size", "must be between 1 and " + MAX_SIZE);
        }
        if (p > MAX_OFFSET || p * s > MAX_OFFSET) {
            throw new InvalidParameter("page", "page × size must be at most " + MAX_OFFSET + "; narrow the filters");
        }
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        String[] parts = spec.split(",", -1);
        String field = parts[0].strip();
        if (!sortable.contains(field)) {
            throw new InvalidParameter("sort", "cannot sort on '" + quote(field) + "'; allowed: "
                    + String.join(", ", sortable.stream().sorted().toList()));
        }
        boolean desc = false;
        if (parts.length > 2) {
            throw new InvalidParameter("sort", "one field, optionally followed by ,asc or ,desc");
        }
        if (parts.length == 2) {
            String direction = parts[1].strip().toLowerCase(java.util.Locale.ROOT);
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw new InvalidParameter("sort", "direction must be asc or desc");
            }
            desc = direction.equals("desc");
        }
        return new PageQuery((int) p, (int) s, field, desc);
    }

    /** A whole number as text, or null when absent; anything else (letters, 40 digits) is a 400 naming it. */
    private static Long number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String digits = value.strip();
        if (!digits.matches("[+-]?[0-9]{1,18}")) {
            throw new InvalidParameter(name, digits.matches("[+-]?[0-9]+") ? "is too large"
                    : "must be a whole number, not '" + quote(digits) + "'");
        }
        return Long.parseLong(digits);
    }

    /**
     * The Panache sort: the chosen field, then a unique tiebreak so that pages never overlap or skip.
     *
     * @param column  the entity attribute of the client's sort field (they may differ)
     * @param tiebreak a unique attribute, usually the id
     */
    public Sort sort(String column, String tiebreak) {
        Sort sort = Sort.by(column, descending ? Sort.Direction.Descending : Sort.Direction.Ascending);
        return column.equals(tiebreak) ? sort : sort.and(tiebreak);
    }

    public Sort sort(String tiebreak) {
        return sort(sortField, tiebreak);
    }

    private static String quote(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}

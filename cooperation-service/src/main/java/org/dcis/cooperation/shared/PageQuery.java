package org.dcis.cooperation.shared;

import java.util.Set;

/** A page of a list: 0-based page, size up to 200, one sort field among those the list allows. */
public record PageQuery(int page, int size, String sortField, boolean descending) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    /** Parses the {@code page}, {@code size} and {@code sort} parameters of the list conventions. */
    public static PageQuery of(Integer page, Integer size, String sort, Set<String> sortable, String defaultSort) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw new InvalidParameter("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidParameter("size", "must be between 1 and " + MAX_SIZE);
        }
        String spec = sort == null || sort.isBlank() ? defaultSort : sort;
        String[] parts = spec.split(",");
        String field = parts[0].trim();
        if (!sortable.contains(field)) {
            throw new InvalidParameter("sort", "cannot sort on '" + field + "'; allowed: " + String.join(", ", sortable.stream().sorted().toList()));
        }
        boolean desc = false;
        if (parts.length > 1) {
            String direction = parts[1].trim().toLowerCase();
            if (!direction.equals("asc") && !direction.equals("desc") || parts.length > 2) {
                throw new InvalidParameter("sort", "direction must be asc or desc");
            }
            desc = direction.equals("desc");
        }
        return new PageQuery(p, s, field, desc);
    }
}

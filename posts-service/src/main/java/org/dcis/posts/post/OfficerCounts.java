package org.dcis.posts.post;

import java.util.Map;
import java.util.TreeMap;

/**
 * The officers posted at a post today (assignments without an end), counted in total, by force and by role: what
 * dcis.posts.v1 carries for dashboards (network coverage), never who they are. Only forces and roles present appear.
 */
public record OfficerCounts(long total, Map<String, Long> byForce, Map<String, Long> byRole) {
    public OfficerCounts {
        byForce = Map.copyOf(byForce);
        byRole = Map.copyOf(byRole);
    }

    public static final OfficerCounts NONE = new OfficerCounts(0, Map.of(), Map.of());

    /** Sorted copies, so a snapshot always shows its keys in the same order. */
    public Map<String, Long> sortedByForce() {
        return new TreeMap<>(byForce);
    }

    public Map<String, Long> sortedByRole() {
        return new TreeMap<>(byRole);
    }
}

package org.dcis.posts.post;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The full state of a post as carried by every event of dcis.posts.v1 (docs/conventions.md): enough for a
 * consumer to rebuild its directory, and nothing personal about the officers: they are only counted, in total, by
 * force and by role (for the network coverage of the headquarters dashboard).
 */
public record PostSnapshot(String id, String hostCountry, String city, String embassy, PostStatus status,
        LocalDate openedOn, LocalDate closedOn, List<String> coverage, long officerCount,
        Map<String, Long> officersByForce, Map<String, Long> officersByRole, long version) {

    public static PostSnapshot of(Post post, OfficerCounts officers) {
        return new PostSnapshot(post.id(), post.hostCountry(), post.city(), post.embassy(), post.status(),
                post.openedOn(), post.closedOn(), List.copyOf(post.currentCoverage()), officers.total(),
                officers.sortedByForce(), officers.sortedByRole(), post.version());
    }
}

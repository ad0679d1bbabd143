package org.dcis.posts.post;

import java.time.LocalDate;
import java.util.List;

/**
 * The full state of a post as carried by every event of dcis.posts.v1 (docs/conventions.md): enough for a
 * consumer to rebuild its directory, and nothing personal about the officers.
 */
public record PostSnapshot(String id, String hostCountry, String city, String embassy, PostStatus status,
        LocalDate openedOn, LocalDate closedOn, List<String> coverage, long officerCount, long version) {

    public static PostSnapshot of(Post post, long officerCount) {
        return new PostSnapshot(post.id(), post.hostCountry(), post.city(), post.embassy(), post.status(),
                post.openedOn(), post.closedOn(), List.copyOf(post.currentCoverage()), officerCount, post.version());
    }
}

package org.dcis.posts.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What the registry knows of coverage, kept in memory: the posts opened through it. */
final class InMemoryLedger implements CoverageLedger {
    private final List<Post> posts = new ArrayList<>();

    Post add(Post post) {
        posts.add(post);
        return post;
    }

    @Override
    public Optional<String> currentPost(String country, String exceptPost) {
        return others(exceptPost).filter(p -> p.currentCoverage().contains(country)).map(Post::id).findFirst();
    }

    @Override
    public Optional<LocalDate> lastEnd(String country, String exceptPost) {
        return others(exceptPost).flatMap(p -> p.coverageHistory().stream())
                .filter(period -> period.countryCode().equals(country)).map(CoveragePeriod::validTo)
                .filter(Objects::nonNull).max(LocalDate::compareTo);
    }

    private java.util.stream.Stream<Post> others(String exceptPost) {
        return posts.stream().filter(p -> !p.id().equals(exceptPost));
    }
}

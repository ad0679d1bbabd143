package org.dcis.posts.post;

import java.time.LocalDate;
import java.util.Optional;

/** What the rest of the registry knows about a country's coverage, for a post checking a claim. */
public interface CoverageLedger {
    /** The post (other than the asking one) covering the country today, if any. */
    Optional<String> currentPost(String country, String exceptPost);

    /** The last day a period of another post covering the country ended, if any. */
    Optional<LocalDate> lastEnd(String country, String exceptPost);
}

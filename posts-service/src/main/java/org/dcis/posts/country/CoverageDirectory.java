package org.dcis.posts.country;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Who covers which country, as the country catalogue shows it. The catalogue is a leaf of the registry: the
 * post feature, which keeps coverage, answers through this interface, so countries never depend on posts.
 */
public interface CoverageDirectory {
    /** Every country with a current (open-ended) coverage period, mapped to the post holding it. */
    Map<String, String> currentCoverage();

    /** The post whose coverage period includes the day, if any. */
    Optional<String> coveringPost(String country, LocalDate day);
}

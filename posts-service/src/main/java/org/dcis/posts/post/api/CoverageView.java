package org.dcis.posts.post.api;

import java.time.LocalDate;
import java.util.List;

import org.dcis.posts.post.Post;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A post's coverage on a day, with every period it ever covered a country. */
@Schema(name = "Coverage")
public record CoverageView(String postId, LocalDate on, List<String> countries, List<Period> history, long version) {

    @Schema(name = "CoveragePeriod", description = "validTo is exclusive and null while current")
    public record Period(String country, LocalDate validFrom, LocalDate validTo) {
    }

    public static CoverageView of(Post post, LocalDate on) {
        List<Period> history = post.coverageHistory().stream()
                .map(p -> new Period(p.countryCode(), p.validFrom(), p.validTo())).toList();
        return new CoverageView(post.id(), on, List.copyOf(post.coverageOn(on)), history, post.version());
    }
}

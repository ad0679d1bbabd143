package org.dcis.posts.post.api;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who covered a country on a day: the post, since when and until when (null: still covering). */
@Schema(name = "CountryCoverage")
public record CountryCoverageView(String country, LocalDate on, String postId, LocalDate coveredFrom,
        LocalDate coveredUntil, PostView post) {
}

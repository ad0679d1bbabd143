package org.dcis.posts.assignment;

import java.time.LocalDate;
import java.util.Set;

import org.dcis.posts.theme.Theme;

/**
 * What posting an officer takes, as the client gave it (the API's request is checked first, then turned into
 * this). Also what an {@code Idempotency-Key} is tied to.
 *
 * @param endsOn only for a past assignment recorded afterwards
 */
public record AssignmentTerms(OfficerTerms officer, String postId, OfficerRole role, LocalDate startsOn,
        LocalDate endsOn) {

    /** @param specialities in the enum's order, so that equal terms always read (and hash) the same */
    public record OfficerTerms(String id, Force force, String rank, String givenName, String familyName,
            Set<Theme> specialities) {
    }
}

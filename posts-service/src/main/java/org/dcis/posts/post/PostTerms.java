package org.dcis.posts.post;

import java.time.LocalDate;
import java.util.List;

/**
 * What opening a post takes, as the client gave it (the API's request is checked first, then turned into
 * this). Also what an {@code Idempotency-Key} is tied to: a retry with other terms is refused.
 *
 * @param openedOn null for today (the suite's calendar)
 * @param coverage countries covered besides the host country, as codes the client sent
 */
public record PostTerms(String id, String hostCountry, String city, String embassy, LocalDate openedOn,
        PostState.ContactState contact, List<String> coverage) {
}

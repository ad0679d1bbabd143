package org.dcis.posts.post;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The whole state of a post as the registry keeps it: the event snapshot plus the service's contact. The API
 * shows it (PostView has the same fields) and the audit trail records it before and after each change.
 */
public record PostState(String id, String hostCountry, String city, String embassy, PostStatus status,
        LocalDate openedOn, LocalDate closedOn, ContactState contact, List<String> coverage, long officerCount,
        Map<String, Long> officersByForce, Map<String, Long> officersByRole, long version) {

    /** The functional contact (a mailbox and switchboard, not a person). */
    public record ContactState(String email, String phone) {
    }

    public static PostState of(Post post, OfficerCounts officers) {
        Contact contact = post.contact();
        return new PostState(post.id(), post.hostCountry(), post.city(), post.embassy(), post.status(), post.openedOn(),
                post.closedOn(), contact == null ? null : new ContactState(contact.email(), contact.phone()),
                List.copyOf(post.currentCoverage()), officers.total(), officers.sortedByForce(), officers.sortedByRole(),
                post.version());
    }
}

package org.dcis.posts.assignment;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.dcis.posts.theme.Theme;

/**
 * An assignment as the registry stores it, officer's names included. The audit trail records it (it is
 * read by HQ analysts only); the API shows it with the names removed for readers who may not see them.
 */
public record AssignmentState(UUID id, OfficerState officer, String postId, OfficerRole role, LocalDate startsOn,
        LocalDate endsOn, boolean current, long version) {

    public record OfficerState(String id, Force force, String rank, Set<Theme> specialities, String givenName,
            String familyName) {
    }

    public static AssignmentState of(Assignment assignment) {
        return new AssignmentState(assignment.id(), assignment.officer().state(), assignment.postId(), assignment.role(),
                assignment.startsOn(), assignment.endsOn(), assignment.isCurrent(), assignment.version());
    }
}

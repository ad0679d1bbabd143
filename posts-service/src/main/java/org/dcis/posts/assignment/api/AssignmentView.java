package org.dcis.posts.assignment.api;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.dcis.posts.assignment.AssignmentState;
import org.dcis.posts.assignment.Force;
import org.dcis.posts.assignment.OfficerRole;
import org.dcis.posts.theme.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An assignment as the API shows it; the officer's names only reach roles allowed to see personal data. */
@Schema(name = "Assignment")
public record AssignmentView(UUID id, OfficerView officer, String postId, OfficerRole role, LocalDate startsOn,
        LocalDate endsOn, boolean current, long version) {

    @Schema(name = "Officer", description = "givenName and familyName are shown to hq-analyst and registry-admin only")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OfficerView(String id, Force force, String rank, Set<Theme> specialities, String givenName,
            String familyName) {
    }

    public static AssignmentView of(AssignmentState assignment, boolean personalData) {
        AssignmentState.OfficerState officer = assignment.officer();
        OfficerView officerView = new OfficerView(officer.id(), officer.force(), officer.rank(), officer.specialities(),
                personalData ? officer.givenName() : null, personalData ? officer.familyName() : null);
        return new AssignmentView(assignment.id(), officerView, assignment.postId(), assignment.role(),
                assignment.startsOn(), assignment.endsOn(), assignment.current(), assignment.version());
    }
}

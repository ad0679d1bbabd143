package org.dcis.posts.assignment.api;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dcis.platform.reference.FieldLengths;
import org.dcis.platform.reference.PostIds;
import org.dcis.posts.assignment.AssignmentTerms;
import org.dcis.posts.assignment.Force;
import org.dcis.posts.assignment.OfficerRole;
import org.dcis.posts.theme.Theme;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the assignment endpoints. */
public final class AssignmentRequests {
    private AssignmentRequests() {
    }

    @Schema(name = "AssignOfficer", description = "Posts an officer (created or updated from these details) to a post")
    public record AssignOfficer(
            @Valid @NotNull OfficerDetails officer,
            @Schema(examples = "SN-DAKAR") @NotBlank @Size(max = FieldLengths.POST_ID) @Pattern(regexp = PostIds.PATTERN, message = PostIds.MESSAGE) String postId,
            @Schema(examples = "LIAISON_OFFICER") @NotNull OfficerRole role,
            @Schema(examples = "2025-09-01") @NotNull LocalDate startsOn,
            @Schema(description = "Only for a past assignment recorded afterwards; current assignments have none")
            LocalDate endsOn) {

        AssignmentTerms terms() {
            EnumSet<Theme> specialities = EnumSet.noneOf(Theme.class);
            if (officer.specialities() != null) {
                specialities.addAll(officer.specialities());
            }
            return new AssignmentTerms(new AssignmentTerms.OfficerTerms(officer.id(), officer.force(), officer.rank(),
                    officer.givenName(), officer.familyName(), specialities), postId, role, startsOn, endsOn);
        }
    }

    @Schema(name = "OfficerDetails")
    public record OfficerDetails(
            @Schema(description = "Internal id of the officer", examples = "PN-104233")
            @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Z0-9-]+", message = "capitals, digits and '-' only") String id,
            @Schema(examples = "POLICE_NATIONALE") @NotNull Force force,
            @Schema(examples = "Commandant divisionnaire") @NotBlank @Size(max = 80) String rank,
            @Schema(description = "Personal data", examples = "Claire") @NotBlank @Size(max = 100) String givenName,
            @Schema(description = "Personal data", examples = "Martin") @NotBlank @Size(max = 100) String familyName,
            @Schema(examples = "[\"CYBERCRIME\", \"ORGANISED_CRIME\"]") @Size(max = 7) Set<@NotNull Theme> specialities) {
    }

    @Schema(name = "EndAssignment")
    public record EndAssignment(@Schema(description = "Last day at the post; today when absent", examples = "2026-08-31")
    LocalDate endsOn) {
    }
}

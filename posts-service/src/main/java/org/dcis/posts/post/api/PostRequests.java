package org.dcis.posts.post.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dcis.platform.reference.FieldLengths;
import org.dcis.platform.reference.PostIds;
import org.dcis.posts.post.PostState;
import org.dcis.posts.post.PostStatus;
import org.dcis.posts.post.PostTerms;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the post endpoints. */
public final class PostRequests {
    private PostRequests() {
    }

    @Schema(name = "OpenPost", description = "A post to open, with the countries it covers besides its host country")
    public record OpenPost(
            @Schema(examples = "SN-DAKAR") @NotBlank @Size(max = FieldLengths.POST_ID) @Pattern(regexp = PostIds.PATTERN, message = PostIds.MESSAGE) String id,
            @Schema(examples = "SN") @NotBlank @Size(max = FieldLengths.COUNTRY_CODE) String hostCountry,
            @Schema(examples = "Dakar") @NotBlank @Size(max = FieldLengths.CITY) String city,
            @Schema(examples = "Ambassade de France au Sénégal") @NotBlank @Size(max = FieldLengths.EMBASSY) String embassy,
            @Schema(description = "Day the post opened; today when absent", examples = "2011-09-01") LocalDate openedOn,
            @Valid ContactDetails contact,
            @Schema(examples = "[\"CV\", \"GM\", \"GW\"]") @Size(max = 60) List<@NotBlank @Size(max = FieldLengths.COUNTRY_CODE) String> coverage) {

        PostTerms terms() {
            return new PostTerms(id, hostCountry, city, embassy, openedOn,
                    contact == null ? null : new PostState.ContactState(contact.email(), contact.phone()), coverage);
        }
    }

    @Schema(name = "UpdatePost", description = "The editable description of a post")
    public record UpdatePost(
            @NotBlank @Size(max = FieldLengths.CITY) String city,
            @NotBlank @Size(max = FieldLengths.EMBASSY) String embassy,
            @Valid ContactDetails contact) {
    }

    @Schema(name = "Contact", description = "The service's functional contact")
    public record ContactDetails(
            @Schema(examples = "dsi.dakar@example.org") @Email @Size(max = 200) String email,
            @Schema(examples = "+221 33 839 51 00") @Size(max = 40) @Pattern(regexp = "[+0-9 ().-]*", message = "digits, spaces and + ( ) . - only") String phone) {
    }

    @Schema(name = "StatusChange", description = "Suspend (SUSPENDED), reopen (OPEN) or close (CLOSED) a post")
    public record StatusChange(
            @Schema(examples = "SUSPENDED") @NotNull PostStatus status,
            @Schema(description = "Day of the change; today when absent", examples = "2026-03-01") LocalDate on) {
    }

    @Schema(name = "CoverageChange", description = "The full new coverage of a post, host country included")
    public record CoverageChange(
            @Schema(examples = "[\"SN\", \"GM\", \"GW\", \"CV\", \"ML\"]") @NotEmpty @Size(max = 60) List<@NotBlank @Size(max = FieldLengths.COUNTRY_CODE) String> countries,
            @Schema(description = "Day the new coverage applies from; today when absent", examples = "2026-01-01") LocalDate effectiveOn) {
    }
}

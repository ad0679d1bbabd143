package org.dcis.cooperation.cases;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.dcis.cooperation.reference.IsoCountry;
import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.reference.FieldLengths;
import org.dcis.platform.reference.PostIds;

/**
 * What an officer states about a case, on creation and on every (full) revision.
 *
 * @param countries      countries concerned besides the partner country (which is always included)
 * @param handling       INTERNAL when absent
 * @param releasableTo   organisations the case may be shared with
 * @param openedOn       today (the date in Paris) when absent; never in the future
 * @param expectedReturn the expected return for France's internal security
 */
public record CaseTerms(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String summary,
        @NotNull Framework framework,
        @IsoCountry String partnerCountry,
        Organisation organisation,
        @Size(max = 40) String mission,
        @NotEmpty @Size(max = 7) List<@NotNull Theme> themes,
        ExpertiseSpeciality speciality,
        @NotBlank @Size(max = FieldLengths.POST_ID) @Pattern(regexp = PostIds.PATTERN, message = PostIds.MESSAGE) String leadPost,
        @Size(max = 60) List<@NotNull @IsoCountry String> countries,
        Handling handling,
        @Size(max = 9) List<@NotNull Organisation> releasableTo,
        LocalDate openedOn,
        @Size(max = 1000) String expectedReturn) {
}

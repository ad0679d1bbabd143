package org.dcis.cooperation.missions;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.dcis.cooperation.reference.IsoCountry;
import org.dcis.cooperation.reference.Organisation;

/** What registry-admin states about a mission. */
public record MissionTerms(
        @NotBlank @Size(max = 200) String name,
        @NotNull Organisation organisation,
        @NotEmpty @Size(max = 60) List<@NotNull @IsoCountry String> hostCountries,
        @NotNull LocalDate startsOn,
        LocalDate endsOn) {
}

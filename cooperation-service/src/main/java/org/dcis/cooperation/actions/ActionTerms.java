package org.dcis.cooperation.actions;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an officer states about an action, on logging and on every (full) revision. */
public record ActionTerms(
        @NotNull ActionKind kind,
        @NotNull ActionType type,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull LocalDate plannedStart,
        LocalDate plannedEnd,
        LocalDate actualStart,
        LocalDate actualEnd,
        @NotNull @Valid Place place,
        @Valid Participants participants,
        @Size(max = 50) List<@NotNull @Valid Outcome> outcomes) {
}

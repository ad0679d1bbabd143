package org.dcis.cooperation.missions;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A report on a mission's mandate: what, from which date (for an extension: the new end of the mandate, which may
 * lie ahead), and a note.
 */
public record MissionReportTerms(@NotNull MissionReportKind kind, @NotNull LocalDate effectiveOn,
        @Size(max = 2000) String note) {
}

package org.dcis.cooperation.actions;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Moving an action along its lifecycle; a cancellation needs a reason. {@code on} defaults to today. */
public record StatusChange(@NotNull ActionStatus status, @Size(max = 1000) String reason, LocalDate on) {
}

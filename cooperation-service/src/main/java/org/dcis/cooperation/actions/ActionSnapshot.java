package org.dcis.cooperation.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An action as the API returns it and as the action events carry it. */
public record ActionSnapshot(UUID id, UUID caseId, ActionKind kind, ActionType type, String title, String description,
        LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd, Place place,
        Participants participants, List<Outcome> outcomes, ActionStatus status, String cancellationReason,
        String createdBy, Instant createdAt, Instant updatedAt, long version) {
}

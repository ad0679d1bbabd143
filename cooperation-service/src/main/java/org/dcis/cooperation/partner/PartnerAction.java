package org.dcis.cooperation.partner;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.dcis.cooperation.actions.ActionKind;
import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.actions.ActionStatus;
import org.dcis.cooperation.actions.ActionType;
import org.dcis.cooperation.actions.Indicator;

/**
 * An action as a partner organisation sees it: what was done, where, when, with how many people and what came of
 * it. No personal data (no author, no names of agencies or people) and no internal notes (no outcome notes, no
 * cancellation reason).
 */
public record PartnerAction(UUID id, UUID caseId, ActionKind kind, ActionType type, String title, String description,
        LocalDate plannedStart, LocalDate plannedEnd, LocalDate actualStart, LocalDate actualEnd, String placeCountry,
        int frenchExperts, int partnerOfficersInvolved, int partnerOfficersTrained, List<Result> outcomes,
        ActionStatus status, Instant updatedAt, long version) {

    /** One outcome indicator, without its free-text note. */
    public record Result(Indicator indicator, BigDecimal quantity, String unit) {
    }

    public static PartnerAction of(ActionSnapshot a) {
        var p = a.participants();
        return new PartnerAction(a.id(), a.caseId(), a.kind(), a.type(), a.title(), a.description(), a.plannedStart(),
                a.plannedEnd(), a.actualStart(), a.actualEnd(), a.place().country(), count(p.frenchExperts()),
                count(p.partnerOfficersInvolved()), count(p.partnerOfficersTrained()),
                a.outcomes() == null ? List.of()
                        : a.outcomes().stream().map(o -> new Result(o.indicator(), o.quantity(), o.unit())).toList(),
                a.status(), a.updatedAt(), a.version());
    }

    private static int count(Integer value) {
        return value == null ? 0 : value;
    }
}

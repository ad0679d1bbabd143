package org.dcis.cooperation.actions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.dcis.platform.problem.RuleViolation;
import org.dcis.platform.time.SuiteCalendar;

/**
 * One cooperation action logged on a case; it guards its dates, outcomes and status lifecycle, and counts
 * its versions: 1 when logged, one more at each change (ActionService reads an action it changes with a row
 * lock, so the version check and the change are one step). Planned dates may lie ahead; what actually
 * happened (actual start and end, the date of a status change) never lies in the future of the suite's
 * calendar. Plain Java apart from its mapping: its rules run without a database (CooperationActionTest).
 */
@Entity
@Table(name = "cooperation_action")
public class CooperationAction {
    @Id
    private UUID id;
    @Column(name = "case_id")
    private UUID caseId;
    @Enumerated(EnumType.STRING)
    private ActionKind kind;
    @Enumerated(EnumType.STRING)
    private ActionType type;
    private String title;
    private String description;
    @Column(name = "planned_start")
    private LocalDate plannedStart;
    @Column(name = "planned_end")
    private LocalDate plannedEnd;
    @Column(name = "actual_start")
    private LocalDate actualStart;
    @Column(name = "actual_end")
    private LocalDate actualEnd;
    @Column(name = "place_country")
    private String placeCountry;
    @Column(name = "place_city")
    private String placeCity;
    @Column(name = "french_experts")
    private int frenchExperts;
    @Column(name = "partner_officers_involved")
    private int partnerOfficersInvolved;
    @Column(name = "partner_officers_trained")
    private int partnerOfficersTrained;
    @Column(name = "partner_agencies")
    private String partnerAgencies;
    @Convert(converter = OutcomesConverter.class)
    private List<Outcome> outcomes;
    @Enumerated(EnumType.STRING)
    private ActionStatus status;
    @Column(name = "cancellation_reason")
    private String cancellationReason;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private long version;

    protected CooperationAction() {
    }

    static CooperationAction log(UUID caseId, ActionTerms terms, String createdBy, SuiteCalendar calendar) {
        CooperationAction action = new CooperationAction();
        action.id = UUID.randomUUID();
        action.caseId = caseId;
        action.status = ActionStatus.PLANNED;
        action.createdBy = createdBy;
        action.createdAt = calendar.now();
        action.apply(terms, calendar, action.createdAt);
        action.version = 1;
        return action;
    }

    void revise(ActionTerms terms, SuiteCalendar calendar) {
        if (status.isFinal()) {
            throw new RuleViolation("status", "action " + id + " is " + status + "; it can no longer change");
        }
        apply(terms, calendar, calendar.now());
        version++;
    }

    /**
     * Moves the action along its lifecycle; anything else than the next allowed step is refused. The step
     * happens {@code on} the given date (today in Paris when absent), never in the future.
     */
    ActionStatus changeStatus(StatusChange change, SuiteCalendar calendar) {
        ActionStatus previous = status;
        if (!status.canBecome(change.status())) {
            throw new RuleViolation("status", "an action cannot go from " + status + " to " + change.status());
        }
        LocalDate on = change.on() == null ? calendar.today() : change.on();
        if (change.status() != ActionStatus.CANCELLED) {
            notInFuture(calendar, "on", on, "an action cannot change status in the future");
        }
        switch (change.status()) {
            case IN_PROGRESS -> actualStart = actualStart == null ? on : actualStart;
            case COMPLETED -> {
                if (actualStart != null && on.isBefore(actualStart)) {
                    throw new RuleViolation("on", "an action cannot complete (" + on + ") before it started (" + actualStart + ")");
                }
                actualEnd = on;
            }
            case CANCELLED -> {
                if (change.reason() == null || change.reason().isBlank()) {
                    throw new RuleViolation("reason", "a cancellation needs a reason");
                }
                cancellationReason = change.reason().strip();
            }
            default -> throw new IllegalStateException("unexpected target " + change.status());
        }
        status = change.status();
        updatedAt = calendar.now();
        version++;
        return previous;
    }

    private void apply(ActionTerms terms, SuiteCalendar calendar, Instant now) {
        if (terms.plannedEnd() != null && terms.plannedEnd().isBefore(terms.plannedStart())) {
            throw new RuleViolation("plannedEnd", "the planned end (" + terms.plannedEnd()
                    + ") is before the planned start (" + terms.plannedStart() + ")");
        }
        // an absent actual date keeps the stored one (a revision may give only the start): check what will be kept
        LocalDate start = terms.actualStart() == null ? actualStart : terms.actualStart();
        LocalDate end = terms.actualEnd() == null ? actualEnd : terms.actualEnd();
        if (end != null && start == null) {
            throw new RuleViolation("actualStart", "an actual end needs an actual start");
        }
        if (end != null && end.isBefore(start)) {
            if (terms.actualEnd() != null) {
                throw new RuleViolation("actualEnd", "the actual end (" + end + ") is before the actual start (" + start + ")");
            }
            throw new RuleViolation("actualStart", "the actual start (" + start + ") is after the actual end (" + end
                    + ") already recorded");
        }
        notInFuture(calendar, "actualStart", terms.actualStart(), "an action cannot have started in the future");
        notInFuture(calendar, "actualEnd", terms.actualEnd(), "an action cannot have ended in the future");
        List<Outcome> given = terms.outcomes() == null ? List.of() : terms.outcomes();
        for (int i = 0; i < given.size(); i++) {
            Outcome outcome = given.get(i);
            if (outcome.indicator() == Indicator.SEIZURE && (outcome.unit() == null || outcome.unit().isBlank())) {
                throw new RuleViolation("outcomes[" + i + "].unit", "a seizure needs a unit (kg, units, EUR, ...)");
            }
        }
        Participants who = terms.participants() == null ? Participants.NONE : terms.participants();
        kind = terms.kind();
        type = terms.type();
        title = terms.title().strip();
        description = terms.description();
        plannedStart = terms.plannedStart();
        plannedEnd = terms.plannedEnd();
        actualStart = terms.actualStart() == null ? actualStart : terms.actualStart();
        actualEnd = terms.actualEnd() == null ? actualEnd : terms.actualEnd();
        placeCountry = terms.place().country();
        placeCity = terms.place().city();
        frenchExperts = who.frenchExperts() == null ? 0 : who.frenchExperts();
        partnerOfficersInvolved = who.partnerOfficersInvolved() == null ? 0 : who.partnerOfficersInvolved();
        partnerOfficersTrained = who.partnerOfficersTrained() == null ? 0 : who.partnerOfficersTrained();
        partnerAgencies = who.partnerAgencies();
        outcomes = List.copyOf(given);
        updatedAt = now;
    }

    /** A date of what happened is today somewhere on Earth at the latest (docs/conventions.md, "Dates"). */
    private static void notInFuture(SuiteCalendar calendar, String field, LocalDate date, String rule) {
        if (date != null && calendar.isInFuture(date)) {
            throw new RuleViolation(field, rule + " (" + date + ")");
        }
    }

    public ActionSnapshot snapshot() {
        return new ActionSnapshot(id, caseId, kind, type, title, description, plannedStart, plannedEnd, actualStart,
                actualEnd, new Place(placeCountry, placeCity),
                new Participants(frenchExperts, partnerOfficersInvolved, partnerOfficersTrained, partnerAgencies),
                outcomes, status, cancellationReason, createdBy, createdAt, updatedAt, version);
    }

    public UUID id() {
        return id;
    }

    public UUID caseId() {
        return caseId;
    }

    public ActionStatus status() {
        return status;
    }

    public long version() {
        return version;
    }
}

package org.dcis.cooperation.actions;

import org.dcis.cooperation.reference.Continents;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.dcis.cooperation.cases.CaseAccess;
import org.dcis.cooperation.cases.CaseFigures;
import org.dcis.cooperation.cases.CaseService;
import org.dcis.cooperation.cases.CooperationCase;
import org.dcis.cooperation.cases.CooperationEvents;
import org.dcis.platform.audit.AuditTrail;
import org.dcis.platform.idempotency.IdempotencyKeys;
import org.dcis.platform.paging.Filter;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.problem.NotFound;
import org.dcis.platform.security.Caller;
import org.dcis.platform.time.SuiteCalendar;
import org.dcis.platform.web.Created;
import org.dcis.platform.web.ETags;

/** Logs, revises and moves actions on cases; rights follow the case (its lead post, its handling). */
@ApplicationScoped
public class ActionService {
    public static final Set<String> SORTABLE = Set.of("plannedStart", "plannedEnd", "title", "status", "kind", "type",
            "createdAt", "updatedAt");

    private final Actions actions;
    private final CaseService cases;
    private final CooperationEvents events;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final SuiteCalendar calendar;
    private final CaseFigures figures;
    private final ActionChanges changes;
    private final ActionCounters counters;

    ActionService(Actions actions, CaseService cases, CooperationEvents events, AuditTrail audit, IdempotencyKeys keys,
            SuiteCalendar calendar, CaseFigures figures, ActionChanges changes,
            ActionCounters counters) {
        this.actions = actions;
        this.cases = cases;
        this.events = events;
        this.audit = audit;
        this.keys = keys;
        this.calendar = calendar;
        this.figures = figures;
        this.changes = changes;
        this.counters = counters;
    }

    @Transactional
    public Created<ActionSnapshot> log(Caller caller, UUID caseId, ActionTerms terms, String idempotencyKey) {
        CooperationCase parent = cases.lockedForActions(caller, caseId);
        return keys.create(caller.subject(), idempotencyKey, "action.log:" + caseId, terms,
                earlier -> get(caller, UUID.fromString(earlier)), () -> logOn(parent, caller, caseId, terms),
                logged -> logged.id().toString());
    }

    private ActionSnapshot logOn(CooperationCase parent, Caller caller, UUID caseId, ActionTerms terms) {
        parent.requireOpen();
        CooperationAction action = CooperationAction.log(caseId, terms, caller.subject(), calendar);
        actions.persist(action);
        actions.flush();
        figures.countAction(action.id());
        ActionSnapshot snapshot = action.snapshot();
        events.publish("action.logged", caseId, action.id(), snapshot);
        changes.actionChanged("action.logged", parent.snapshot(), snapshot);
        counters.logged(parent.snapshot(), snapshot);
        audit.record(caller, "action.logged", "action", action.id().toString(), null, snapshot);
        return snapshot;
    }

    @Transactional
    public ActionSnapshot revise(Caller caller, UUID id, long expectedVersion, ActionTerms terms) {
        CooperationAction action = writable(caller, id, expectedVersion);
        ActionSnapshot before = action.snapshot();
        figures.withdrawAction(id);
        action.revise(terms, calendar);
        actions.flush();
        figures.countAction(id);
        ActionSnapshot after = action.snapshot();
        events.publish("action.updated", action.caseId(), id, after);
        changes.actionChanged("action.updated", cases.visible(caller, action.caseId()).snapshot(), after);
        audit.record(caller, "action.updated", "action", id.toString(), before, after);
        return after;
    }

    @Transactional
    public ActionSnapshot changeStatus(Caller caller, UUID id, long expectedVersion, StatusChange change) {
        CooperationAction action = writable(caller, id, expectedVersion);
        ActionSnapshot before = action.snapshot();
        figures.withdrawAction(id);
        ActionStatus previous = action.changeStatus(change, calendar);
        actions.flush();
        figures.countAction(id);
        ActionSnapshot after = action.snapshot();
        events.publish("action.status-changed", action.caseId(), id, new StatusChanged(previous, after));
        changes.actionChanged("action.status-changed", cases.visible(caller, action.caseId()).snapshot(), after);
        counters.statusChanged(after);
        audit.record(caller, "action.status-changed", "action", id.toString(), before, after);
        return after;
    }

    public ActionSnapshot get(Caller caller, UUID id) {
        return visible(caller, id, actions.findById(id)).snapshot();
    }

    /** The action if the caller may see its case; an action of a hidden case is reported as unknown. */
    private CooperationAction visible(Caller caller, UUID id, CooperationAction action) {
        if (action == null) {
            throw new NotFound("action", id);
        }
        try {
            cases.visible(caller, action.caseId());
        } catch (NotFound hidden) {
            throw new NotFound("action", id);
        }
        return action;
    }

    /**
     * An action the caller may change. Its case is locked first, as by every write of the case and its actions
     * (so a case cannot close while one of its actions changes), then the action itself, read with its row lock
     * held until the transaction ends: a concurrent writer of the same action waits, then finds the version it
     * named gone (412).
     */
    private CooperationAction writable(Caller caller, UUID id, long expectedVersion) {
        UUID caseId = actions.caseOf(id).orElseThrow(() -> new NotFound("action", id));
        CooperationCase parent;
        try {
            parent = cases.lockedForActions(caller, caseId);
        } catch (NotFound hidden) {
            throw new NotFound("action", id);
        }
        CooperationAction action = actions.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFound("action", id));
        ETags.require("action " + id, expectedVersion, action.version());
        parent.requireOpen();
        return action;
    }

    public PageOf<ActionSnapshot> search(Caller caller, ActionFilter filter, PageQuery page) {
        if (filter.caseId() != null) {
            cases.visible(caller, filter.caseId());
        }
        Filter ofCases = CaseAccess.readable(caller, "c.", Filter.where());
        String theme = filter.theme() == null ? null : filter.theme().name();
        ofCases.when(theme, "array_contains(c.themes, :theme)", "theme", theme)
                .when(filter.framework(), "c.framework = :framework", "framework", filter.framework())
                .when(filter.organisation(), "c.organisation = :organisation", "organisation", filter.organisation())
                .when(filter.mission(), "c.mission = :mission", "mission", filter.mission())
                .when(filter.post(), "c.leadPost = :post", "post", filter.post());
        Filter where = Filter.where();
        if (!ofCases.query().isEmpty()) {
            where.and("caseId in (select c.id from CooperationCase c where " + ofCases.query() + ")", ofCases.params());
        }
        String text = filter.text() == null ? null : "%" + filter.text().toLowerCase(Locale.ROOT).strip() + "%";
        return where
                .eq("caseId", filter.caseId())
                .eq("kind", filter.kind())
                .eq("type", filter.type())
                .eq("status", filter.status())
                .when(filter.country(), "placeCountry = :country", "country", filter.country())
                .when(filter.continent(), "placeCountry in :continent", "continent",
                        filter.continent() == null ? null : Continents.countriesOf(filter.continent()))
                .when(filter.from(), "plannedStart >= :from", "from", filter.from())
                .when(filter.to(), "plannedStart <= :to", "to", filter.to())
                .when(text, "(lower(title) like :text or lower(description) like :text)", "text", text)
                .page(actions, page, page.sort("id"))
                .map(CooperationAction::snapshot);
    }

    /** Data of {@code action.status-changed}: the step taken and the action after it. */
    public record StatusChanged(ActionStatus previousStatus, ActionSnapshot action) {
    }
}

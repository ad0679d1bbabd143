package org.dcis.cooperation.actions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dcis.cooperation.audit.AuditLog;
import org.dcis.cooperation.cases.CaseService;
import org.dcis.cooperation.cases.CooperationCase;
import org.dcis.cooperation.event.CooperationEvents;
import org.dcis.cooperation.shared.Caller;
import org.dcis.cooperation.shared.Created;
import org.dcis.cooperation.shared.IdempotencyKeys;
import org.dcis.cooperation.shared.NotFound;
import org.dcis.cooperation.shared.PageOf;
import org.dcis.cooperation.shared.PageQuery;
import org.dcis.cooperation.shared.Versions;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Logs, revises and moves actions on cases; rights follow the case (its lead post, its handling). */
@ApplicationScoped
public class ActionService {
    public static final Set<String> SORTABLE = Set.of("plannedStart", "plannedEnd", "title", "status", "kind", "type",
            "createdAt", "updatedAt");

    private final Actions actions;
    private final CaseService cases;
    private final CooperationEvents events;
    private final AuditLog audit;
    private final IdempotencyKeys keys;
    private final Clock clock;

    ActionService(Actions actions, CaseService cases, CooperationEvents events, AuditLog audit, IdempotencyKeys keys,
            Clock clock) {
        this.actions = actions;
        this.cases = cases;
        this.events = events;
        this.audit = audit;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public Created<ActionSnapshot> log(Caller caller, UUID caseId, ActionTerms terms, String idempotencyKey) {
        CooperationCase parent = cases.visible(caller, caseId);
        caller.requireWriterFor(parent.leadPost());
        if (idempotencyKey != null) {
            Optional<String> earlier = keys.claim(caller.subject(), idempotencyKey, "action.log:" + caseId, terms);
            if (earlier.isPresent()) {
                return new Created<>(get(caller, UUID.fromString(earlier.get())), true);
            }
        }
        parent.requireOpen();
        CooperationAction action = CooperationAction.log(caseId, terms, caller.subject(), clock.instant());
        actions.persist(action);
        actions.flush();
        ActionSnapshot snapshot = action.snapshot();
        events.publish("action.logged", caseId, action.id(), snapshot);
        audit.record(caller, "action.logged", "action", action.id().toString(), null, snapshot);
        if (idempotencyKey != null) {
            keys.complete(caller.subject(), idempotencyKey, action.id().toString());
        }
        return new Created<>(snapshot, false);
    }

    @Transactional
    public ActionSnapshot revise(Caller caller, UUID id, long expectedVersion, ActionTerms terms) {
        CooperationAction action = writable(caller, id, expectedVersion);
        ActionSnapshot before = action.snapshot();
        action.revise(terms, clock.instant());
        actions.flush();
        ActionSnapshot after = action.snapshot();
        events.publish("action.updated", action.caseId(), id, after);
        audit.record(caller, "action.updated", "action", id.toString(), before, after);
        return after;
    }

    @Transactional
    public ActionSnapshot changeStatus(Caller caller, UUID id, long expectedVersion, StatusChange change) {
        CooperationAction action = writable(caller, id, expectedVersion);
        ActionSnapshot before = action.snapshot();
        ActionStatus previous = action.changeStatus(change, clock.instant(), LocalDate.now(clock));
        actions.flush();
        ActionSnapshot after = action.snapshot();
        events.publish("action.status-changed", action.caseId(), id, new StatusChanged(previous, after));
        audit.record(caller, "action.status-changed", "action", id.toString(), before, after);
        return after;
    }

    public ActionSnapshot get(Caller caller, UUID id) {
        return visible(caller, id).snapshot();
    }

    private CooperationAction visible(Caller caller, UUID id) {
        CooperationAction action = actions.findById(id);
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

    private CooperationAction writable(Caller caller, UUID id, long expectedVersion) {
        CooperationAction action = visible(caller, id);
        CooperationCase parent = cases.visible(caller, action.caseId());
        caller.requireWriterFor(parent.leadPost());
        Versions.require(expectedVersion, action.version());
        parent.requireOpen();
        return action;
    }

    public PageOf<ActionSnapshot> search(Caller caller, ActionFilter filter, PageQuery page) {
        if (filter.caseId() != null) {
            cases.visible(caller, filter.caseId());
        }
        List<String> caseWhere = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        CaseService.visibility(caller, "c.", caseWhere, params);
        if (filter.theme() != null) {
            caseWhere.add("array_contains(c.themes, :theme)");
            params.put("theme", filter.theme().name());
        }
        eq(caseWhere, params, "c.framework", "framework", filter.framework());
        eq(caseWhere, params, "c.organisation", "organisation", filter.organisation());
        eq(caseWhere, params, "c.mission", "mission", filter.mission());
        eq(caseWhere, params, "c.leadPost", "post", filter.post());
        List<String> where = new ArrayList<>();
        if (!caseWhere.isEmpty()) {
            where.add("a.caseId in (select c.id from CooperationCase c where " + String.join(" and ", caseWhere) + ")");
        }
        eq(where, params, "a.caseId", "caseId", filter.caseId());
        eq(where, params, "a.kind", "kind", filter.kind());
        eq(where, params, "a.type", "type", filter.type());
        eq(where, params, "a.status", "status", filter.status());
        eq(where, params, "a.placeCountry", "country", filter.country());
        if (filter.from() != null) {
            where.add("a.plannedStart >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("a.plannedStart <= :to");
            params.put("to", filter.to());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(lower(a.title) like :text or lower(a.description) like :text)");
            params.put("text", "%" + filter.text().toLowerCase().strip() + "%");
        }
        Sort sort = Sort.by(page.sortField(), page.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending)
                .and("id");
        var query = actions.find("from CooperationAction a" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)),
                sort, params);
        query.page(Page.of(page.page(), page.size()));
        return new PageOf<>(query.list().stream().map(CooperationAction::snapshot).toList(), page.page(), page.size(),
                query.count());
    }

    private static void eq(List<String> where, Map<String, Object> params, String path, String name, Object value) {
        if (value != null) {
            where.add(path + " = :" + name);
            params.put(name, value);
        }
    }

    /** Data of {@code action.status-changed}: the step taken and the action after it. */
    public record StatusChanged(ActionStatus previousStatus, ActionSnapshot action) {
    }
}

package org.dcis.cooperation.cases;

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
import org.dcis.cooperation.directory.DirectoryPost;
import org.dcis.cooperation.directory.PostDirectory;
import org.dcis.cooperation.event.CooperationEvents;
import org.dcis.cooperation.missions.Mission;
import org.dcis.cooperation.missions.Missions;
import org.dcis.cooperation.shared.Caller;
import org.dcis.cooperation.shared.Created;
import org.dcis.cooperation.shared.IdempotencyKeys;
import org.dcis.cooperation.shared.NotFound;
import org.dcis.cooperation.shared.PageOf;
import org.dcis.cooperation.shared.PageQuery;
import org.dcis.cooperation.shared.RuleViolation;
import org.dcis.cooperation.shared.Versions;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Opens, revises, closes and finds cases; every write is audited and announced through the outbox. */
@ApplicationScoped
public class CaseService {
    public static final Set<String> SORTABLE = Set.of("openedOn", "closedOn", "title", "status", "leadPost",
            "createdAt", "updatedAt");

    private final Cases cases;
    private final Missions missions;
    private final PostDirectory directory;
    private final CooperationEvents events;
    private final AuditLog audit;
    private final IdempotencyKeys keys;
    private final Clock clock;

    CaseService(Cases cases, Missions missions, PostDirectory directory, CooperationEvents events, AuditLog audit,
            IdempotencyKeys keys, Clock clock) {
        this.cases = cases;
        this.missions = missions;
        this.directory = directory;
        this.events = events;
        this.audit = audit;
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public Created<CaseSnapshot> open(Caller caller, CaseTerms terms, String idempotencyKey) {
        caller.requireWriterFor(terms.leadPost());
        if (idempotencyKey != null) {
            Optional<String> earlier = keys.claim(caller.subject(), idempotencyKey, "case.open", terms);
            if (earlier.isPresent()) {
                return new Created<>(visible(caller, UUID.fromString(earlier.get())).snapshot(), true);
            }
        }
        DirectoryPost post = directory.requireOpenLeadPost(terms.leadPost());
        CooperationCase opened = CooperationCase.open(terms, post, mission(terms), caller.subject(), clock.instant(),
                LocalDate.now(clock));
        cases.persist(opened);
        cases.flush();
        CaseSnapshot snapshot = opened.snapshot();
        events.publish("case.opened", opened.id(), opened.id(), snapshot);
        audit.record(caller, "case.opened", "case", opened.id().toString(), null, snapshot);
        if (idempotencyKey != null) {
            keys.complete(caller.subject(), idempotencyKey, opened.id().toString());
        }
        return new Created<>(snapshot, false);
    }

    @Transactional
    public CaseSnapshot revise(Caller caller, UUID id, long expectedVersion, CaseTerms terms) {
        CooperationCase existing = writable(caller, id, expectedVersion);
        CaseSnapshot before = existing.snapshot();
        DirectoryPost post = directory.requireOpenLeadPost(existing.leadPost());
        existing.revise(terms, post, mission(terms), clock.instant(), LocalDate.now(clock));
        cases.flush();
        CaseSnapshot after = existing.snapshot();
        events.publish("case.updated", id, id, after);
        audit.record(caller, "case.updated", "case", id.toString(), before, after);
        return after;
    }

    @Transactional
    public CaseSnapshot close(Caller caller, UUID id, long expectedVersion, CaseClosure closure) {
        CooperationCase existing = writable(caller, id, expectedVersion);
        CaseSnapshot before = existing.snapshot();
        existing.close(closure, clock.instant(), LocalDate.now(clock));
        cases.flush();
        CaseSnapshot after = existing.snapshot();
        events.publish("case.closed", id, id, after);
        audit.record(caller, "case.closed", "case", id.toString(), before, after);
        return after;
    }

    public CaseSnapshot get(Caller caller, UUID id) {
        return visible(caller, id).snapshot();
    }

    /** The case if the caller may see it; a restricted case of another post is reported as unknown. */
    public CooperationCase visible(Caller caller, UUID id) {
        CooperationCase found = cases.findById(id);
        if (found == null || !found.isVisibleTo(caller)) {
            throw new NotFound("case", id);
        }
        return found;
    }

    /** A case the caller may change: visible, led by the caller's post, at the version the caller saw. */
    public CooperationCase writable(Caller caller, UUID id, long expectedVersion) {
        CooperationCase found = visible(caller, id);
        caller.requireWriterFor(found.leadPost());
        Versions.require(expectedVersion, found.version());
        return found;
    }

    public PageOf<CaseSnapshot> search(Caller caller, CaseFilter filter, PageQuery page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        visibility(caller, "", where, params);
        if (filter.theme() != null) {
            where.add("array_contains(themes, :theme)");
            params.put("theme", filter.theme().name());
        }
        if (filter.kind() != null) {
            where.add("exists (select 1 from CooperationAction a where a.caseId = c.id and a.kind = :kind)");
            params.put("kind", filter.kind());
        }
        eq(where, params, "framework", filter.framework());
        eq(where, params, "organisation", filter.organisation());
        eq(where, params, "mission", filter.mission());
        eq(where, params, "leadPost", filter.post());
        eq(where, params, "status", filter.status());
        eq(where, params, "handling", filter.handling());
        if (filter.country() != null) {
            where.add("array_contains(countries, :country)");
            params.put("country", filter.country());
        }
        if (filter.from() != null) {
            where.add("openedOn >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("openedOn <= :to");
            params.put("to", filter.to());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.add("(lower(title) like :text or lower(summary) like :text or lower(expectedReturn) like :text)");
            params.put("text", "%" + filter.text().toLowerCase().strip() + "%");
        }
        Sort sort = Sort.by(page.sortField(), page.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending)
                .and("id");
        var query = cases.find("from CooperationCase c" + (where.isEmpty() ? "" : " where " + String.join(" and ", where)),
                sort, params);
        query.page(Page.of(page.page(), page.size()));
        return new PageOf<>(query.list().stream().map(CooperationCase::snapshot).toList(), page.page(), page.size(),
                query.count());
    }

    /** The HQL condition restricting cases to those the caller may read; fails closed for other roles. */
    public static void visibility(Caller caller, String alias, List<String> where, Map<String, Object> params) {
        if (caller.isAnalyst()) {
            return;
        }
        if (!caller.isOfficer()) {
            where.add("1 = 0");
            return;
        }
        where.add("(" + alias + "handling = :internal or " + alias + "leadPost = :callerPost)");
        params.put("internal", Handling.INTERNAL);
        params.put("callerPost", caller.postId());
    }

    private Mission mission(CaseTerms terms) {
        if (terms.mission() == null) {
            return null;
        }
        if (terms.framework() != Framework.MULTILATERAL) {
            throw new RuleViolation("mission", "only a multilateral case names a mission");
        }
        Mission mission = missions.findById(terms.mission());
        if (mission == null) {
            throw new RuleViolation("mission", "unknown mission " + terms.mission());
        }
        return mission;
    }

    private static void eq(List<String> where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }
}

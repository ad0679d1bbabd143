package org.dcis.cooperation.cases;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.dcis.cooperation.directory.DirectoryPost;
import org.dcis.cooperation.directory.PostDirectory;
import org.dcis.cooperation.missions.Mission;
import org.dcis.cooperation.missions.Missions;
import org.dcis.platform.audit.AuditTrail;
import org.dcis.platform.idempotency.IdempotencyKeys;
import org.dcis.platform.paging.Filter;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.problem.NotFound;
import org.dcis.platform.problem.RuleViolation;
import org.dcis.platform.security.Caller;
import org.dcis.platform.time.SuiteCalendar;
import org.dcis.platform.web.Created;
import org.dcis.platform.web.ETags;

/** Opens, revises, closes and finds cases; every write is audited and announced through the outbox. */
@ApplicationScoped
public class CaseService {
    public static final Set<String> SORTABLE = Set.of("openedOn", "closedOn", "title", "status", "leadPost",
            "createdAt", "updatedAt");

    private final Cases cases;
    private final Missions missions;
    private final PostDirectory directory;
    private final CooperationEvents events;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final SuiteCalendar calendar;
    private final CaseFigures figures;
    private final CaseChanges changes;
    private final CaseCounters counters;

    CaseService(Cases cases, Missions missions, PostDirectory directory, CooperationEvents events, AuditTrail audit,
            IdempotencyKeys keys, SuiteCalendar calendar, CaseFigures figures, CaseChanges changes, CaseCounters counters) {
        this.cases = cases;
        this.missions = missions;
        this.directory = directory;
        this.events = events;
        this.audit = audit;
        this.keys = keys;
        this.calendar = calendar;
        this.figures = figures;
        this.changes = changes;
        this.counters = counters;
    }

    @Transactional
    public Created<CaseSnapshot> open(Caller caller, CaseTerms terms, String idempotencyKey) {
        CaseAccess.requireWriter(caller, terms.leadPost());
        return keys.create(caller.subject(), idempotencyKey, "case.open", terms,
                earlier -> visible(caller, UUID.fromString(earlier)).snapshot(), () -> openCase(caller, terms),
                opened -> opened.id().toString());
    }

    private CaseSnapshot openCase(Caller caller, CaseTerms terms) {
        DirectoryPost post = directory.requireOpenLeadPost(terms.leadPost());
        CooperationCase opened = CooperationCase.open(terms, post, mission(terms), caller.subject(), calendar);
        cases.persist(opened);
        cases.flush();
        figures.countCase(opened.id());
        CaseSnapshot snapshot = opened.snapshot();
        events.publish("case.opened", opened.id(), opened.id(), snapshot);
        changes.caseChanged("case.opened", null, snapshot);
        counters.opened(snapshot);
        audit.record(caller, "case.opened", "case", opened.id().toString(), null, snapshot);
        return snapshot;
    }

    @Transactional
    public CaseSnapshot revise(Caller caller, UUID id, long expectedVersion, CaseTerms terms) {
        CooperationCase existing = writable(caller, id, expectedVersion);
        CaseSnapshot before = existing.snapshot();
        DirectoryPost post = directory.requireOpenLeadPost(existing.leadPost());
        Mission mission = mission(terms);
        figures.withdrawCase(id);
        existing.revise(terms, post, mission, calendar);
        cases.flush();
        figures.countCase(id);
        CaseSnapshot after = existing.snapshot();
        events.publish("case.updated", id, id, after);
        changes.caseChanged("case.updated", before, after);
        audit.record(caller, "case.updated", "case", id.toString(), before, after);
        return after;
    }

    @Transactional
    public CaseSnapshot close(Caller caller, UUID id, long expectedVersion, CaseClosure closure) {
        CooperationCase existing = writable(caller, id, expectedVersion);
        CaseSnapshot before = existing.snapshot();
        figures.withdrawCase(id);
        existing.close(closure, calendar);
        cases.flush();
        figures.countCase(id);
        CaseSnapshot after = existing.snapshot();
        events.publish("case.closed", id, id, after);
        changes.caseChanged("case.closed", before, after);
        counters.closed(after);
        audit.record(caller, "case.closed", "case", id.toString(), before, after);
        return after;
    }

    public CaseSnapshot get(Caller caller, UUID id) {
        return visible(caller, id).snapshot();
    }

    /** The case if the caller may see it; a restricted case of another post is reported as unknown. */
    public CooperationCase visible(Caller caller, UUID id) {
        return visible(caller, id, cases.findById(id));
    }

    /**
     * The case an action is written on (logged, revised, moved), read with its row lock held until the
     * transaction ends, after checking that the caller may write it. Every write of a case or of its actions
     * takes this lock first, so they are serialised per case: an action is never written on a case that a
     * concurrent request closed, and its event is never relayed after {@code case.closed}.
     */
    public CooperationCase lockedForActions(Caller caller, UUID id) {
        CooperationCase found = visible(caller, id, cases.findById(id, LockModeType.PESSIMISTIC_WRITE));
        CaseAccess.requireWriter(caller, found.leadPost());
        return found;
    }

    /**
     * A case the caller may change: visible, led by the caller's post, at the version the caller saw. It is
     * read with a row lock held until the transaction ends, so a concurrent writer of the same case waits
     * and then finds the version it named gone (412): the check and the change are one step.
     */
    private CooperationCase writable(Caller caller, UUID id, long expectedVersion) {
        CooperationCase found = visible(caller, id, cases.findById(id, LockModeType.PESSIMISTIC_WRITE));
        CaseAccess.requireWriter(caller, found.leadPost());
        ETags.require("case " + id, expectedVersion, found.version());
        return found;
    }

    private static CooperationCase visible(Caller caller, UUID id, CooperationCase found) {
        if (found == null || !found.isVisibleTo(caller)) {
            throw new NotFound("case", id);
        }
        return found;
    }

    public PageOf<CaseSnapshot> search(Caller caller, CaseFilter filter, PageQuery page) {
        Filter where = CaseAccess.readable(caller, "", Filter.where());
        String theme = filter.theme() == null ? null : filter.theme().name();
        String text = filter.text() == null ? null : "%" + filter.text().toLowerCase(Locale.ROOT).strip() + "%";
        if (filter.activity() != null) {
            where.and(filter.activity().query(), filter.activity().params());
        }
        return where
                .when(theme, "array_contains(themes, :theme)", "theme", theme)
                .eq("framework", filter.framework())
                .eq("organisation", filter.organisation())
                .eq("mission", filter.mission())
                .eq("leadPost", filter.post())
                .eq("status", filter.status())
                .eq("handling", filter.handling())
                .when(filter.country(), "array_contains(countries, :country)", "country", filter.country())
                .when(filter.from(), "openedOn >= :from", "from", filter.from())
                .when(filter.to(), "openedOn <= :to", "to", filter.to())
                .when(text, "(lower(title) like :text or lower(summary) like :text or lower(expectedReturn) like :text)",
                        "text", text)
                .page(cases, page, page.sort("id"))
                .map(CooperationCase::snapshot);
    }

    private Mission mission(CaseTerms terms) {
        if (terms.mission() == null) {
            return null;
        }
        if (terms.framework() != Framework.MULTILATERAL) {
            throw new RuleViolation("mission", "only a multilateral case names a mission");
        }
        // read with a share lock until the case commits: the mission's organisation cannot change meanwhile
        // (MissionService takes the row for update and refuses the change while cases refer to the mission)
        Mission mission = missions.findById(terms.mission(), LockModeType.PESSIMISTIC_READ);
        if (mission == null) {
            throw new RuleViolation("mission", "unknown mission " + terms.mission());
        }
        return mission;
    }
}

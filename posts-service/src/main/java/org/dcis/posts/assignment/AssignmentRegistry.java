package org.dcis.posts.assignment;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.dcis.platform.audit.AuditTrail;
import org.dcis.platform.idempotency.IdempotencyKeys;
import org.dcis.platform.paging.Filter;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.problem.InvalidParameter;
import org.dcis.platform.problem.NotFound;
import org.dcis.platform.security.Caller;
import org.dcis.platform.time.SuiteCalendar;
import org.dcis.platform.web.Created;
import org.dcis.platform.web.ETags;
import org.dcis.posts.country.CountryCatalog;
import org.dcis.posts.post.Post;
import org.dcis.posts.post.PostEventType;
import org.dcis.posts.post.PostRegistry;
import org.dcis.posts.post.PostState;
import org.dcis.posts.theme.Theme;
import org.dcis.posts.theme.ThemesConverter;

/**
 * Use cases on assignments. An assignment changes its post's snapshot (officer count), so the post is
 * locked and its new snapshot goes to the outbox with the officer.* event. Every write is audited in the
 * same transaction: the assignment (officer included, as the registry stores it), the officer's stored
 * description when an assignment changes it, and the post's new version.
 */
@ApplicationScoped
public class AssignmentRegistry {
    public static final Set<String> SORTABLE = Set.of("startsOn", "endsOn", "postId", "officerId", "role");
    /** The audit trail's names for what this registry writes. */
    public static final String TARGET = "assignment";
    public static final String OFFICER = "officer";
    private static final Map<String, String> COLUMNS = Map.of("startsOn", "startsOn", "endsOn", "endsOn",
            "postId", "postId", "officerId", "officer.id", "role", "role");

    private final Assignments assignments;
    private final PostRegistry posts;
    private final CountryCatalog countries;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final SuiteCalendar calendar;

    AssignmentRegistry(Assignments assignments, PostRegistry posts, CountryCatalog countries, AuditTrail audit,
            IdempotencyKeys keys, SuiteCalendar calendar) {
        this.assignments = assignments;
        this.posts = posts;
        this.countries = countries;
        this.audit = audit;
        this.keys = keys;
        this.calendar = calendar;
    }

    /** Posts an officer; with an {@code Idempotency-Key}, as {@link PostRegistry#open} does. */
    @Transactional
    public Created<AssignmentState> assign(Caller caller, AssignmentTerms terms, String idempotencyKey) {
        return keys.create(caller.subject(), idempotencyKey, "assignment.create", terms,
                earlier -> AssignmentState.of(require(UUID.fromString(earlier))), () -> post(caller, terms),
                after -> after.id().toString());
    }

    private AssignmentState post(Caller caller, AssignmentTerms terms) {
        Post post = Post.findById(terms.postId(), LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw new InvalidParameter("postId", "no post " + terms.postId());
        }
        post.requireOpenForAssignments(terms.startsOn());
        PostState postBefore = posts.state(post);
        AssignmentTerms.OfficerTerms details = terms.officer();
        EnumSet<Theme> specialities = EnumSet.noneOf(Theme.class);
        if (details.specialities() != null) {
            specialities.addAll(details.specialities());
        }
        Officer officer = Officer.findById(details.id(), LockModeType.PESSIMISTIC_WRITE);
        List<Assignment> others = officer == null ? List.of() : Assignment.list("officer.id", details.id());
        AssignmentState.OfficerState officerBefore = officer == null ? null : officer.state();
        if (officer == null) {
            officer = new Officer(details.id(), details.force(), details.rank(), details.givenName(), details.familyName(),
                    specialities);
            officer.persist();
        }
        Assignment assignment = Assignment.post(officer, post.id(), terms.role(), terms.startsOn(), terms.endsOn(), others,
                calendar);
        officer.describe(details.force(), details.rank(), details.givenName(), details.familyName(), specialities);
        assignments.persist(assignment);
        if (officerBefore != null && !officerBefore.equals(officer.state())) {
            audit.record(caller, "officer.updated", OFFICER, officer.id(), officerBefore, officer.state());
        }
        AssignmentState after = AssignmentState.of(assignment);
        audit.record(caller, "assignment.created", TARGET, assignment.id().toString(), null, after);
        posts.staffChanged(caller, post, postBefore, PostEventType.OFFICER_ASSIGNED);
        return after;
    }

    /** Ends an assignment on a day (today when null). */
    @Transactional
    public AssignmentState end(Caller caller, UUID id, long expectedVersion, LocalDate endsOn) {
        Assignment assignment = assignments.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null) {
            throw new NotFound("assignment", id);
        }
        ETags.require("assignment " + id, expectedVersion, assignment.version());
        AssignmentState before = AssignmentState.of(assignment);
        LocalDate on = endsOn == null ? calendar.today() : endsOn;
        Post post = posts.lock(assignment.postId());
        PostState postBefore = posts.state(post);
        assignment.end(on, calendar);
        AssignmentState after = AssignmentState.of(assignment);
        audit.record(caller, "assignment.ended", TARGET, id.toString(), before, after);
        posts.staffChanged(caller, post, postBefore, PostEventType.OFFICER_ASSIGNMENT_ENDED);
        return after;
    }

    public Assignment require(UUID id) {
        Assignment assignment = assignments.findById(id);
        if (assignment == null) {
            throw new NotFound("assignment", id);
        }
        return assignment;
    }

    /**
     * @param personalData whether the caller may read officers' names: only then does a text search match them,
     *                     or a search would reveal them
     */
    public PageOf<Assignment> search(AssignmentFilter filter, PageQuery page, boolean personalData) {
        Filter where = Filter.where()
                .eq("postId", filter.postId())
                .eq("officer.id", filter.officerId());
        if (filter.country() != null) {
            where.and("postId in (select c.post.id from CoveragePeriod c where c.countryCode = :country"
                    + " and c.validTo is null)", Map.of("country", countries.require(filter.country(), "country")));
        }
        if (filter.continent() != null) {
            where.and("postId in (select p.id from Post p where p.hostCountry in :continentCountries)",
                    Map.of("continentCountries", countries.codesIn(countries.requireContinent(filter.continent(), "continent"))));
        }
        where.eq("officer.force", filter.force()).eq("role", filter.role());
        if (filter.theme() != null) {
            where.and("officer.specialityCodes like :theme", Map.of("theme", ThemesConverter.pattern(filter.theme())));
        }
        where.when(Boolean.TRUE.equals(filter.current()), "endsOn is null")
                .when(Boolean.FALSE.equals(filter.current()), "endsOn is not null");
        if (filter.text() != null) {
            where.and("(lower(officer.id) like :text or lower(officer.rank) like :text or lower(postId) like :text"
                    + (personalData ? " or lower(officer.givenName) like :text or lower(officer.familyName) like :text" : "")
                    + ")", Map.of("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%"));
        }
        return where.page(assignments, page, page.sort(COLUMNS.get(page.sortField()), "id"));
    }
}

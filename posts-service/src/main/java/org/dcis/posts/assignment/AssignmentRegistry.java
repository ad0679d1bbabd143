package org.dcis.posts.assignment;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.dcis.posts.RegistryClock;
import org.dcis.posts.country.CountryCatalog;
import org.dcis.posts.event.PostEventType;
import org.dcis.posts.post.Post;
import org.dcis.posts.post.PostRegistry;
import org.dcis.posts.rules.RegistryException;
import org.dcis.posts.rules.Versions;
import org.dcis.posts.web.PageRequest;
import org.dcis.posts.web.PageView;

import io.quarkus.panache.common.Parameters;

/**
 * Use cases on assignments. An assignment changes its post's snapshot (officer count), so the post is
 * locked and its new snapshot goes to the outbox with the officer.* event.
 */
@ApplicationScoped
public class AssignmentRegistry {
    private static final Map<String, String> SORTABLE = Map.of("startsOn", "a.startsOn", "endsOn", "a.endsOn",
            "postId", "a.postId", "officerId", "a.officer.id", "role", "a.role");

    private final PostRegistry posts;
    private final CountryCatalog countries;
    private final RegistryClock clock;

    public AssignmentRegistry(PostRegistry posts, CountryCatalog countries, RegistryClock clock) {
        this.posts = posts;
        this.countries = countries;
        this.clock = clock;
    }

    @Transactional
    public Assignment assign(AssignmentRequests.AssignOfficer request) {
        Post post = Post.findById(request.postId(), LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw RegistryException.invalid("postId", "no post " + request.postId());
        }
        post.requireOpenForAssignments(request.startsOn());
        if (request.endsOn() != null && request.endsOn().isAfter(clock.today())) {
            throw RegistryException.rule("endsOn", "an assignment ends when the officer leaves: " + request.endsOn()
                    + " is in the future; leave it empty for a current assignment");
        }
        AssignmentRequests.OfficerDetails details = request.officer();
        EnumSet<Theme> specialities = EnumSet.noneOf(Theme.class);
        if (details.specialities() != null) {
            specialities.addAll(details.specialities());
        }
        Officer officer = Officer.findById(details.id(), LockModeType.PESSIMISTIC_WRITE);
        List<Assignment> others = officer == null ? List.of() : Assignment.list("officer.id", details.id());
        if (officer == null) {
            officer = new Officer(details.id(), details.force(), details.rank(), details.givenName(), details.familyName(),
                    specialities);
            officer.persist();
        }
        Assignment assignment = Assignment.post(officer, post.id(), request.role(), request.startsOn(), request.endsOn(), others);
        officer.describe(details.force(), details.rank(), details.givenName(), details.familyName(), specialities);
        assignment.persist();
        posts.staffChanged(post, PostEventType.OFFICER_ASSIGNED);
        return assignment;
    }

    @Transactional
    public Assignment end(UUID id, Long expectedVersion, AssignmentRequests.EndAssignment request) {
        Assignment assignment = Assignment.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (assignment == null) {
            throw RegistryException.notFound("no assignment " + id);
        }
        Versions.require("assignment " + id, expectedVersion, assignment.version());
        LocalDate on = request == null || request.endsOn() == null ? clock.today() : request.endsOn();
        if (on.isAfter(clock.today())) {
            throw RegistryException.rule("endsOn", "an assignment is ended when the officer leaves: " + on + " is in the future");
        }
        Post post = posts.lock(assignment.postId());
        assignment.end(on);
        posts.staffChanged(post, PostEventType.OFFICER_ASSIGNMENT_ENDED);
        return assignment;
    }

    public Assignment require(UUID id) {
        Assignment assignment = Assignment.findById(id);
        if (assignment == null) {
            throw RegistryException.notFound("no assignment " + id);
        }
        return assignment;
    }

    public PageView<AssignmentView> search(AssignmentFilter filter, PageRequest page, boolean personalData) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.postId() != null) {
            where.append(" and a.postId = :postId");
            parameters.and("postId", filter.postId());
        }
        if (filter.officerId() != null) {
            where.append(" and a.officer.id = :officerId");
            parameters.and("officerId", filter.officerId());
        }
        if (filter.country() != null) {
            where.append(" and a.postId in (select c.post.id from CoveragePeriod c where c.countryCode = :country"
                    + " and c.validTo is null)");
            parameters.and("country", countries.require(filter.country(), "country"));
        }
        if (filter.continent() != null) {
            where.append(" and a.postId in (select p.id from Post p where p.hostCountry in :continentCountries)");
            parameters.and("continentCountries", countries.codesIn(countries.requireContinent(filter.continent(), "continent")));
        }
        if (filter.force() != null) {
            where.append(" and a.officer.force = :force");
            parameters.and("force", filter.force());
        }
        if (filter.role() != null) {
            where.append(" and a.role = :role");
            parameters.and("role", filter.role());
        }
        if (filter.theme() != null) {
            where.append(" and a.officer.specialityCodes like :theme");
            parameters.and("theme", ThemesConverter.pattern(filter.theme()));
        }
        if (filter.current() != null) {
            where.append(filter.current() ? " and a.endsOn is null" : " and a.endsOn is not null");
        }
        if (filter.text() != null) {
            // names are searched only for callers allowed to read them, or a search would reveal them
            where.append(" and (lower(a.officer.id) like :text or lower(a.officer.rank) like :text or lower(a.postId) like :text");
            if (personalData) {
                where.append(" or lower(a.officer.givenName) like :text or lower(a.officer.familyName) like :text");
            }
            where.append(")");
            parameters.and("text", "%" + filter.text().toLowerCase(Locale.ROOT) + "%");
        }
        String query = "from Assignment a where " + where;
        List<AssignmentView> items = Assignment.<Assignment> find(query, page.sort(SORTABLE, "a.id"), parameters)
                .page(page.page(), page.size()).list().stream().map(a -> AssignmentView.of(a, personalData)).toList();
        return new PageView<>(items, page.page(), page.size(), Assignment.count(query, parameters));
    }
}

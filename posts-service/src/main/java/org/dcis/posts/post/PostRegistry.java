package org.dcis.posts.post;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.dcis.platform.audit.AuditTrail;
import org.dcis.platform.idempotency.IdempotencyKeys;
import org.dcis.platform.outbox.Outbox;
import org.dcis.platform.paging.Filter;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.problem.Conflict;
import org.dcis.platform.problem.NotFound;
import org.dcis.platform.problem.Violation;
import org.dcis.platform.reference.PostIds;
import org.dcis.platform.security.Caller;
import org.dcis.platform.time.SuiteCalendar;
import org.dcis.platform.web.Created;
import org.dcis.platform.web.ETags;
import org.dcis.posts.country.CountryCatalog;
import org.dcis.posts.country.CoverageDirectory;
import org.dcis.posts.theme.ThemesConverter;

/**
 * The registry's use cases on posts. Every change locks the post row, checks the caller's version, lets
 * the aggregate apply its rules, and in the same transaction writes the resulting snapshot to the outbox
 * and the state before and after to the audit trail. It is also what the rest of the registry knows of
 * coverage: the ledger a post checks its claims against, and the directory the country catalogue shows.
 */
@ApplicationScoped
public class PostRegistry implements CoverageLedger, CoverageDirectory {
    public static final Set<String> SORTABLE = Set.of("id", "city", "hostCountry", "status", "openedOn", "version");
    /** The audit trail's name for a post. */
    public static final String TARGET = "post";

    private final Posts posts;
    private final CountryCatalog countries;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final SuiteCalendar calendar;
    private final EntityManager entityManager;
    private final RegistryCounters counters;

    PostRegistry(Posts posts, CountryCatalog countries, Outbox outbox, AuditTrail audit, IdempotencyKeys keys,
            SuiteCalendar calendar, EntityManager entityManager, RegistryCounters counters) {
        this.posts = posts;
        this.countries = countries;
        this.outbox = outbox;
        this.audit = audit;
        this.keys = keys;
        this.calendar = calendar;
        this.entityManager = entityManager;
        this.counters = counters;
    }

    /**
     * Opens a post. With an {@code Idempotency-Key}, the key is claimed first, in this transaction: a retry
     * of the same terms by the same caller gets the post the first request opened (even while that request
     * is still running: the claim waits for it), other terms under the same key are refused.
     */
    @Transactional
    public Created<PostState> open(Caller caller, PostTerms terms, String idempotencyKey) {
        return keys.create(caller.subject(), idempotencyKey, "post.open", terms, earlier -> state(require(earlier)),
                () -> openPost(caller, terms), PostState::id);
    }

    private PostState openPost(Caller caller, PostTerms terms) {
        String host = countries.require(terms.hostCountry(), "hostCountry");
        List<String> coverage = countries.requireAll(terms.coverage() == null ? List.of() : terms.coverage(), "coverage");
        if (posts.findById(terms.id()) != null) {
            String message = "post " + terms.id() + " already exists";
            throw new Conflict(message, List.of(new Violation("id", message)));
        }
        LocalDate openedOn = terms.openedOn() == null ? calendar.today() : terms.openedOn();
        Contact contact = terms.contact() == null ? null : new Contact(terms.contact().email(), terms.contact().phone());
        Post post = Post.open(terms.id(), host, terms.city(), terms.embassy(), openedOn, contact,
                new LinkedHashSet<>(coverage), calendar, this);
        posts.persist(post);
        PostState after = publish(post, PostEventType.POST_OPENED);
        audit.record(caller, "post.opened", TARGET, post.id(), null, after);
        return after;
    }

    @Transactional
    public PostState update(Caller caller, String id, long expectedVersion, String city, String embassy, Contact contact) {
        Post post = lockAt(id, expectedVersion);
        PostState before = state(post);
        post.update(city, embassy, contact);
        PostState after = publish(post, PostEventType.POST_UPDATED);
        audit.record(caller, "post.updated", TARGET, id, before, after);
        return after;
    }

    /** Suspends, reopens or closes a post on a day (today when null). */
    @Transactional
    public PostState changeStatus(Caller caller, String id, long expectedVersion, PostStatus status, LocalDate on) {
        Post post = lockAt(id, expectedVersion);
        PostState before = state(post);
        LocalDate day = on == null ? calendar.today() : on;
        PostEventType event;
        String operation;
        switch (status) {
            case SUSPENDED -> {
                post.suspend(day, calendar);
                event = PostEventType.POST_SUSPENDED;
                operation = "post.suspended";
            }
            case OPEN -> {
                post.resume(day, calendar);
                // a reopening is an update of the post, not a new post: post.opened is kept for creation
                event = PostEventType.POST_UPDATED;
                operation = "post.reopened";
            }
            case CLOSED -> {
                post.close(day, currentOfficers(id), calendar);
                event = PostEventType.POST_CLOSED;
                operation = "post.closed";
            }
            default -> throw new IllegalStateException("unknown status " + status);
        }
        PostState after = publish(post, event);
        audit.record(caller, operation, TARGET, id, before, after);
        return after;
    }

    /** Replaces the coverage from a day (today when null); the post comes back with its whole history loaded. */
    @Transactional
    public Post changeCoverage(Caller caller, String id, long expectedVersion, List<String> countryCodes,
            LocalDate effectiveOn) {
        Post post = lockAt(id, expectedVersion);
        PostState before = state(post);
        List<String> codes = countries.requireAll(countryCodes, "countries");
        LocalDate day = effectiveOn == null ? calendar.today() : effectiveOn;
        post.changeCoverage(new LinkedHashSet<>(codes), day, calendar, this);
        PostState after = publish(post, PostEventType.POST_COVERAGE_CHANGED);
        audit.record(caller, "post.coverage-changed", TARGET, id, before, after);
        return post;
    }

    /**
     * Records a staffing change of a post (an officer arrived or left): a new version, announced and audited.
     *
     * @param before the post's state before the assignment changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void staffChanged(Caller caller, Post post, PostState before, PostEventType event) {
        post.staffChanged();
        PostState after = publish(post, event);
        audit.record(caller, "post.staff-changed", TARGET, post.id(), before, after);
    }

    /** The post, locked for the rest of the transaction so changes to one post are serialised. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Post lock(String id) {
        // a text that is no post id (a NUL, longer than a post id, the wrong shape) names none: never looked up
        Post post = PostIds.isValid(id) ? posts.findById(id, LockModeType.PESSIMISTIC_WRITE) : null;
        if (post == null) {
            throw new NotFound("post", id);
        }
        return post;
    }

    private Post lockAt(String id, long expectedVersion) {
        Post post = lock(id);
        ETags.require("post " + id, expectedVersion, post.version());
        return post;
    }

    public Post require(String id) {
        Post post = PostIds.isValid(id) ? posts.findById(id) : null;
        if (post == null) {
            throw new NotFound("post", id);
        }
        return post;
    }

    /** The post as the API shows it and the audit trail records it. */
    public PostState state(Post post) {
        return PostState.of(post, officers(post.id()));
    }

    private PostState publish(Post post, PostEventType type) {
        // flushing here turns a race lost on the coverage index into an error of this request, not of the commit
        entityManager.flush();
        OfficerCounts officers = officers(post.id());
        outbox.append(PostEventType.TOPIC, post.id(), type.type(), post.id(), PostSnapshot.of(post, officers));
        counters.changed(type);
        return PostState.of(post, officers);
    }

    /** Officers posted here today, by force and by role (counts only: the snapshot carries no names). */
    public OfficerCounts officers(String postId) {
        Map<String, Long> byForce = new HashMap<>();
        Map<String, Long> byRole = new HashMap<>();
        long total = 0;
        for (Object[] row : entityManager.createQuery("select a.officer.force, a.role, count(a) from Assignment a"
                + " where a.postId = :post and a.endsOn is null group by a.officer.force, a.role", Object[].class)
                .setParameter("post", postId).getResultList()) {
            long count = (Long) row[2];
            byForce.merge(row[0].toString(), count, Long::sum);
            byRole.merge(row[1].toString(), count, Long::sum);
            total += count;
        }
        return new OfficerCounts(total, byForce, byRole);
    }

    public long currentOfficers(String postId) {
        return entityManager.createQuery(
                "select count(a) from Assignment a where a.postId = :post and a.endsOn is null", Long.class)
                .setParameter("post", postId).getSingleResult();
    }

    @Override
    public Optional<String> currentPost(String country, String exceptPost) {
        return CoveragePeriod.find("countryCode = ?1 and validTo is null and post.id <> ?2", country, exceptPost)
                .<CoveragePeriod> firstResultOptional().map(CoveragePeriod::postId);
    }

    @Override
    public Optional<LocalDate> lastEnd(String country, String exceptPost) {
        return Optional.ofNullable(entityManager.createQuery(
                "select max(c.validTo) from CoveragePeriod c where c.countryCode = :country and c.post.id <> :post",
                LocalDate.class).setParameter("country", country).setParameter("post", exceptPost).getSingleResult());
    }

    /** The coverage period through which a country was covered on a day, if any. */
    public Optional<CoveragePeriod> coveringOn(String country, LocalDate day) {
        return CoveragePeriod.find("countryCode = ?1 and validFrom <= ?2 and (validTo is null or validTo > ?2)", country, day)
                .firstResultOptional();
    }

    @Override
    public Optional<String> coveringPost(String country, LocalDate day) {
        return coveringOn(country, day).map(CoveragePeriod::postId);
    }

    /** Every country with a current coverage period, with its post. */
    @Override
    public Map<String, String> currentCoverage() {
        Map<String, String> map = new HashMap<>();
        CoveragePeriod.<CoveragePeriod> list("validTo is null").forEach(p -> map.put(p.countryCode(), p.postId()));
        return map;
    }

    public PageOf<PostState> search(PostFilter filter, PageQuery page) {
        Filter where = Filter.where();
        if (filter.country() != null) {
            where.and("(hostCountry = :country or id in (select c.post.id from CoveragePeriod c"
                    + " where c.countryCode = :country and c.validTo is null))",
                    Map.of("country", countries.require(filter.country(), "country")));
        }
        if (filter.continent() != null) {
            where.and("hostCountry in :continentCountries", Map.of("continentCountries",
                    countries.codesIn(countries.requireContinent(filter.continent(), "continent"))));
        }
        where.eq("status", filter.status());
        if (filter.theme() != null) {
            where.and("id in (select a.postId from Assignment a where a.endsOn is null"
                    + " and a.officer.specialityCodes like :theme)", Map.of("theme", ThemesConverter.pattern(filter.theme())));
        }
        if (filter.text() != null) {
            where.and("(lower(id) like :text or lower(city) like :text or lower(embassy) like :text)",
                    Map.of("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%"));
        }
        return where.page(posts, page, page.sort("id")).map(this::state);
    }
}

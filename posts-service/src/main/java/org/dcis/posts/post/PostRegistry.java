package org.dcis.posts.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.dcis.posts.RegistryClock;
import org.dcis.posts.country.Continent;
import org.dcis.posts.country.CountryCatalog;
import org.dcis.posts.event.Outbox;
import org.dcis.posts.event.PostEventType;
import org.dcis.posts.rules.RegistryException;
import org.dcis.posts.rules.Versions;
import org.dcis.posts.web.PageRequest;
import org.dcis.posts.web.PageView;

import io.quarkus.panache.common.Parameters;

/**
 * The registry's use cases on posts. Every change locks the post row, checks the caller's version,
 * lets the aggregate apply its rules, and writes the resulting snapshot to the outbox in the same
 * transaction.
 */
@ApplicationScoped
public class PostRegistry implements CoverageLedger {
    private static final Map<String, String> SORTABLE = Map.of("id", "p.id", "city", "p.city",
            "hostCountry", "p.hostCountry", "status", "p.status", "openedOn", "p.openedOn", "version", "p.version");

    private final CountryCatalog countries;
    private final Outbox outbox;
    private final RegistryClock clock;
    private final EntityManager entityManager;

    public PostRegistry(CountryCatalog countries, Outbox outbox, RegistryClock clock, EntityManager entityManager) {
        this.countries = countries;
        this.outbox = outbox;
        this.clock = clock;
        this.entityManager = entityManager;
    }

    @Transactional
    public Post open(PostRequests.OpenPost request) {
        String host = countries.require(request.hostCountry(), "hostCountry");
        List<String> coverage = countries.requireAll(request.coverage() == null ? List.of() : request.coverage(), "coverage");
        if (Post.findById(request.id()) != null) {
            throw RegistryException.conflict("id", "post " + request.id() + " already exists");
        }
        Post post = Post.open(request.id(), host, request.city(), request.embassy(), request.openedOn(),
                contact(request.contact()), new LinkedHashSet<>(coverage), clock.today(), this);
        post.persist();
        publish(post, PostEventType.POST_OPENED);
        return post;
    }

    @Transactional
    public Post update(String id, Long expectedVersion, PostRequests.UpdatePost request) {
        Post post = lock(id);
        Versions.require("post " + id, expectedVersion, post.version());
        post.update(request.city(), request.embassy(), contact(request.contact()));
        publish(post, PostEventType.POST_UPDATED);
        return post;
    }

    @Transactional
    public Post changeStatus(String id, Long expectedVersion, PostRequests.StatusChange request) {
        Post post = lock(id);
        Versions.require("post " + id, expectedVersion, post.version());
        LocalDate on = request.on() == null ? clock.today() : request.on();
        if (on.isAfter(clock.today())) {
            throw RegistryException.rule("on", "a status change is recorded when it happens: " + on + " is in the future");
        }
        PostEventType event = switch (request.status()) {
            case SUSPENDED -> {
                post.suspend(on);
                yield PostEventType.POST_SUSPENDED;
            }
            case OPEN -> {
                post.resume(on);
                // a reopening is an update of the post, not a new post: post.opened is kept for creation
                yield PostEventType.POST_UPDATED;
            }
            case CLOSED -> {
                post.close(on, currentOfficers(id));
                yield PostEventType.POST_CLOSED;
            }
        };
        publish(post, event);
        return post;
    }

    @Transactional
    public Post changeCoverage(String id, Long expectedVersion, PostRequests.CoverageChange request) {
        Post post = lock(id);
        Versions.require("post " + id, expectedVersion, post.version());
        List<String> codes = countries.requireAll(request.countries(), "countries");
        LocalDate effectiveOn = request.effectiveOn() == null ? clock.today() : request.effectiveOn();
        post.changeCoverage(new LinkedHashSet<>(codes), effectiveOn, clock.today(), this);
        publish(post, PostEventType.POST_COVERAGE_CHANGED);
        return post;
    }

    /** Records a staffing change of a post (an officer arrived or left) and announces the new snapshot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void staffChanged(Post post, PostEventType event) {
        post.staffChanged();
        publish(post, event);
    }

    /** The post, locked for the rest of the transaction so changes to one post are serialised. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Post lock(String id) {
        Post post = Post.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw RegistryException.notFound("no post " + id);
        }
        return post;
    }

    public Post require(String id) {
        Post post = Post.findById(id);
        if (post == null) {
            throw RegistryException.notFound("no post " + id);
        }
        return post;
    }

    public PostView view(Post post) {
        return PostView.of(post, currentOfficers(post.id()));
    }

    public PostSnapshot snapshot(Post post) {
        return PostSnapshot.of(post, currentOfficers(post.id()));
    }

    private void publish(Post post, PostEventType type) {
        // flushing here turns a race lost on the coverage index into an error of this request, not of the commit
        entityManager.flush();
        outbox.append(type, snapshot(post));
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

    /** Every country covered today, with its post. */
    public Map<String, String> currentCoverage() {
        Map<String, String> map = new java.util.HashMap<>();
        CoveragePeriod.<CoveragePeriod> list("validTo is null").forEach(p -> map.put(p.countryCode(), p.postId()));
        return map;
    }

    public PageView<PostView> search(PostFilter filter, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.country() != null) {
            where.append(" and (p.hostCountry = :country or exists (select 1 from CoveragePeriod c where c.post = p"
                    + " and c.countryCode = :country and c.validTo is null))");
            parameters.and("country", countries.require(filter.country(), "country"));
        }
        if (filter.continent() != null) {
            Continent continent = countries.requireContinent(filter.continent(), "continent");
            where.append(" and p.hostCountry in :continentCountries");
            parameters.and("continentCountries", countries.codesIn(continent));
        }
        if (filter.status() != null) {
            where.append(" and p.status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.theme() != null) {
            where.append(" and exists (select 1 from Assignment a where a.postId = p.id and a.endsOn is null"
                    + " and a.officer.specialityCodes like :theme)");
            parameters.and("theme", "%," + filter.theme() + ",%");
        }
        if (filter.text() != null) {
            where.append(" and (lower(p.id) like :text or lower(p.city) like :text or lower(p.embassy) like :text)");
            parameters.and("text", "%" + filter.text().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        String query = "from Post p where " + where;
        var found = Post.<Post> find(query, page.sort(SORTABLE, "p.id"), parameters).page(page.page(), page.size());
        List<PostView> items = new ArrayList<>();
        for (Post post : found.list()) {
            items.add(view(post));
        }
        return new PageView<>(items, page.page(), page.size(), Post.count(query, parameters));
    }

    public static Set<String> sortable() {
        return SORTABLE.keySet();
    }

    private static Contact contact(PostRequests.ContactDetails contact) {
        return contact == null ? null : new Contact(contact.email(), contact.phone());
    }
}

package org.dcis.cooperation.directory;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.dcis.platform.paging.Filter;
import org.dcis.platform.paging.PageOf;
import org.dcis.platform.paging.PageQuery;
import org.dcis.platform.problem.RuleViolation;
import org.dcis.platform.reference.PostIds;
import org.jboss.logging.Logger;

/** The local directory of posts: applies post events idempotently and answers lookups. */
@ApplicationScoped
public class PostDirectory {
    public static final Set<String> SORTABLE = Set.of("id", "hostCountry", "city", "status", "version");
    private static final Logger LOG = Logger.getLogger(PostDirectory.class);

    private final EntityManager em;
    private final DirectoryPosts posts;
    private final Clock clock;
    private final Event<DirectoryChanged> changed;

    PostDirectory(EntityManager em, DirectoryPosts posts, Clock clock, Event<DirectoryChanged> changed) {
        this.em = em;
        this.posts = posts;
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * Applies one post event: a known event id is ignored; otherwise the event is recorded and its
     * snapshot kept if newer, in the caller's transaction, so the record and the effect commit together.
     */
    @Transactional
    public boolean apply(String source, String eventId, String eventType, PostSnapshot snapshot) {
        var key = new ProcessedEvent.Key(source, eventId);
        if (em.find(ProcessedEvent.class, key) != null) {
            LOG.debugf("Post event %s from %s already processed", eventId, source);
            return false;
        }
        Instant now = clock.instant();
        em.persist(new ProcessedEvent(source, eventId, eventType, now));
        DirectoryPost post = posts.findById(snapshot.id());
        boolean applied;
        if (post == null) {
            posts.persist(DirectoryPost.from(snapshot, eventId, now));
            applied = true;
        } else {
            applied = post.apply(snapshot, eventId, now);
        }
        if (applied) {
            changed.fire(new DirectoryChanged(snapshot.id()));
        }
        return applied;
    }

    /** A post of the directory; a text that is no post id names none, and is never looked up. */
    public Optional<DirectoryPost> find(String id) {
        return PostIds.isValid(id) ? posts.findByIdOptional(id) : Optional.empty();
    }

    /** The lead post of a case must be known here and open. */
    public DirectoryPost requireOpenLeadPost(String id) {
        DirectoryPost post = posts.findById(id);
        if (post == null) {
            throw new RuleViolation("leadPost", "post " + id + " is not known to the directory (no event received for it)");
        }
        if (!post.isOpen()) {
            throw new RuleViolation("leadPost", "post " + id + " is " + post.status() + ", not OPEN");
        }
        return post;
    }

    public PageOf<DirectoryPost> list(String country, String status, PageQuery page) {
        return Filter.where()
                .when(country, "array_contains(coverage, :country)", "country", country)
                .eq("status", status)
                .page(posts, page, page.sort("id"));
    }
}

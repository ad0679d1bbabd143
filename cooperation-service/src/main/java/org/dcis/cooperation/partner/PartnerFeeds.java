package org.dcis.cooperation.partner;

import java.time.Clock;
import java.time.ZoneOffset;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.consumer.BatchConsumer.Traced;
import org.dcis.platform.outbox.Outbox;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Builds the partner feeds ({@link PartnerEvents#TOPICS}) from the events of dcis.cooperation.v1, a batch at a time
 * in one transaction (one event alone when its batch failed: {@link #apply}): the event id goes into {@code processed_event} (an event already there is
 * ignored: a redelivery announces nothing twice), {@code partner_feed_case} keeps the organisation each case was
 * last released to, and what a partner may see, or must forget, is appended to its topic through the platform's
 * outbox, whose relay sends it. So a partner event exists exactly when its cooperation event was applied, once.
 *
 * <p>The data are the partner views ({@link PartnerCase}, {@link PartnerAction}, {@link Withdrawal}), the shape
 * the partner API answers, so a feed never carries more than the API shows. Key = case id, as on
 * dcis.cooperation.v1: one case's partner events stay in order on one partition.
 */
@ApplicationScoped
public class PartnerFeeds {
    /** The case events; each carries the whole case ({@link CaseSnapshot}). */
    public static final Set<String> CASE_TYPES = Set.of("case.opened", "case.updated", "case.closed");
    /** The action events: an {@link ActionSnapshot}, or for a status change {previousStatus, action}. */
    public static final Set<String> ACTION_TYPES = Set.of("action.logged", "action.updated", "action.status-changed");
    private static final Logger LOG = Logger.getLogger(PartnerFeeds.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final PartnerCases partnerCases;
    private final Clock clock;

    PartnerFeeds(EntityManager em, Outbox outbox, PartnerCases partnerCases, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.partnerCases = partnerCases;
        this.clock = clock;
    }

    /** A cooperation event to feed: a case event with its case, or an action event with its action. */
    public record FeedEvent(String source, String eventId, String type, CaseSnapshot snapshot, ActionSnapshot action) {
        UUID caseId() {
            return snapshot != null ? snapshot.id() : action.caseId();
        }
    }

    /** Applies one event in a transaction of its own: {@link #applyAll} of that event alone, in the current trace. */
    @Transactional
    public int apply(FeedEvent event) {
        return applyAll(List.of(new Traced<>(event, Runnable::run)));
    }

    /**
     * Applies events in their order, with the same outcome as {@link #apply} on each in turn, in a few statements
     * for all of them (issue 10: one round trip to the database per statement was what this consumer's time went
     * to): the event ids recorded at once (those already there are skipped), the feed state of their cases read and
     * locked at once, the actions of the cases that become released read at once, the partner events written in one
     * batch, the feed state written back in one batch. Each event's partner events are prepared inside its own
     * trace ({@link Traced#inTrace}).
     *
     * @return the number of partner events written
     */
    @Transactional
    public int applyAll(List<Traced<FeedEvent>> events) {
        List<Traced<FeedEvent>> fresh = firstTime(events);
        if (fresh.isEmpty()) {
            return 0;
        }
        Map<UUID, FeedCase> stored = feedCases(fresh.stream().map(e -> e.value().caseId()).distinct().toList());
        // a dry run first names the cases that become released here, whose actions so far are read in one query
        Set<UUID> released = new LinkedHashSet<>();
        changes(fresh, new HashMap<>(stored), caseId -> {
            released.add(caseId);
            return List.of();
        }, (event, changes) -> {
        });
        Map<UUID, List<PartnerAction>> actions = partnerCases.actionsOf(List.copyOf(released));
        Map<UUID, FeedCase> state = new HashMap<>(stored);
        List<Outbox.Pending> pending = new ArrayList<>();
        changes(fresh, state, caseId -> actions.getOrDefault(caseId, List.of()),
                (event, changes) -> event.inTrace(() -> changes.forEach(change -> pending.add(outbox.prepare(
                        PartnerEvents.TOPICS.get(change.organisation()), change.caseId().toString(), change.type(),
                        change.subject().toString(), change.data())))));
        outbox.appendAll(pending);
        Map<UUID, FeedCase> written = new LinkedHashMap<>();
        state.forEach((caseId, feedCase) -> {
            if (!feedCase.equals(stored.get(caseId))) {
                written.put(caseId, feedCase);
            }
        });
        storeFeedCases(written);
        return pending.size();
    }

    /**
     * What each event tells, in order, {@code state} (the feed state of the events' cases) moving on with each case
     * event: a case event older than (or as old as) the state fed tells nothing; otherwise the case's partner events
     * ({@link PartnerChange#ofCase}: its view, a withdrawal, its actions when newly released); an action event tells
     * its view to the organisation its case is released to now, if any.
     */
    private void changes(List<Traced<FeedEvent>> events, Map<UUID, FeedCase> state,
            Function<UUID, List<PartnerAction>> actionsSoFar, BiConsumer<Traced<FeedEvent>, List<PartnerChange>> told) {
        for (Traced<FeedEvent> traced : events) {
            FeedEvent event = traced.value();
            FeedCase stored = state.get(event.caseId());
            if (event.snapshot() == null) {
                told.accept(traced, PartnerChange.ofAction(event.type(), stored == null ? null : stored.releasedTo(),
                        event.action()).map(List::of).orElse(List.of()));
                continue;
            }
            CaseSnapshot snapshot = event.snapshot();
            if (stored != null && stored.version() >= snapshot.version()) {
                told.accept(traced, List.of());
                continue;
            }
            told.accept(traced, PartnerChange.ofCase(event.type(), stored == null ? null : stored.releasedTo(),
                    snapshot, () -> actionsSoFar.apply(snapshot.id()), clock.instant()));
            state.put(snapshot.id(), new FeedCase(PartnerChange.partnerOf(snapshot).orElse(null), snapshot.version()));
        }
    }

    /** Records the events as processed in one statement; the ones recorded now (the first of two with one id). */
    private List<Traced<FeedEvent>> firstTime(List<Traced<FeedEvent>> events) {
        Set<String> inserted = session().doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO processed_event (source,"
                    + " event_id, event_type, processed_at) SELECT s, e, t, ? FROM unnest(?::varchar[], ?::varchar[],"
                    + " ?::varchar[]) AS u(s, e, t) ON CONFLICT (source, event_id) DO NOTHING RETURNING source, event_id")) {
                insert.setObject(1, clock.instant().atOffset(ZoneOffset.UTC));
                insert.setArray(2, connection.createArrayOf("varchar", events.stream().map(e -> e.value().source())
                        .toArray()));
                insert.setArray(3, connection.createArrayOf("varchar", events.stream().map(e -> e.value().eventId())
                        .toArray()));
                insert.setArray(4, connection.createArrayOf("varchar", events.stream().map(e -> e.value().type())
                        .toArray()));
                Set<String> ids = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1) + " " + rows.getString(2));
                    }
                }
                return ids;
            }
        });
        List<Traced<FeedEvent>> fresh = new ArrayList<>();
        for (Traced<FeedEvent> event : events) {
            if (inserted.remove(event.value().source() + " " + event.value().eventId())) {
                fresh.add(event);
            } else {
                LOG.debugf("Cooperation event %s from %s already fed", event.value().eventId(), event.value().source());
            }
        }
        return fresh;
    }

    /** The feed state of these cases, locked (in id order: two consumers of one batch never deadlock on it). */
    private Map<UUID, FeedCase> feedCases(List<UUID> caseIds) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT case_id, released_to, version"
                    + " FROM partner_feed_case WHERE case_id = ANY(?) ORDER BY case_id FOR UPDATE")) {
                select.setArray(1, connection.createArrayOf("uuid", caseIds.toArray()));
                Map<UUID, FeedCase> cases = new HashMap<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String to = rows.getString(2);
                        cases.put(rows.getObject(1, UUID.class), new FeedCase(to == null ? null
                                : Organisation.valueOf(to), rows.getLong(3)));
                    }
                }
                return cases;
            }
        });
    }

    private void storeFeedCases(Map<UUID, FeedCase> cases) {
        if (cases.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO partner_feed_case (case_id,"
                    + " released_to, version) VALUES (?, ?, ?) ON CONFLICT (case_id) DO UPDATE"
                    + " SET released_to = EXCLUDED.released_to, version = EXCLUDED.version")) {
                for (Map.Entry<UUID, FeedCase> entry : cases.entrySet()) {
                    upsert.setObject(1, entry.getKey());
                    upsert.setString(2, entry.getValue().releasedTo() == null ? null
                            : entry.getValue().releasedTo().name());
                    upsert.setLong(3, entry.getValue().version());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
    }

    private Session session() {
        return em.unwrap(Session.class);
    }

    private record FeedCase(Organisation releasedTo, long version) {
    }
}

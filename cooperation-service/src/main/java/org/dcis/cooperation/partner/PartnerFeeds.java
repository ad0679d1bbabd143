package org.dcis.cooperation.partner;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.cooperation.reference.Organisation;
import org.dcis.platform.outbox.Outbox;
import org.jboss.logging.Logger;

/**
 * Builds the partner feeds ({@link PartnerEvents#TOPICS}) from the events of dcis.cooperation.v1, one event at a
 * time, each in one transaction: the event id goes into {@code processed_event} (an event already there is
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

    /**
     * Applies a case event: the case's partner event on the topic of the organisation it is released to (with its
     * actions so far when it has just become released there), and a withdrawal on the topic of the organisation it
     * was released to before and no longer is.
     *
     * @return the number of partner events written (0 for an event already applied, or older than one applied)
     */
    @Transactional
    public int applyCase(String source, String eventId, String type, CaseSnapshot snapshot) {
        if (!firstTime(source, eventId, type)) {
            return 0;
        }
        Optional<FeedCase> stored = feedCase(snapshot.id());
        if (stored.isPresent() && stored.get().version() >= snapshot.version()) {
            // a later state of the case was applied already (only a replay brings an earlier one): nothing to say
            LOG.debugf("Case %s v%d older than v%d already fed", snapshot.id(), snapshot.version(),
                    stored.get().version());
            return 0;
        }
        Organisation previous = stored.map(FeedCase::releasedTo).orElse(null);
        List<PartnerChange> changes = PartnerChange.ofCase(type, previous, snapshot,
                () -> partnerCases.actionsOf(snapshot.id()), clock.instant());
        changes.forEach(this::send);
        Organisation now = PartnerChange.partnerOf(snapshot).orElse(null);
        em.createNativeQuery("INSERT INTO partner_feed_case (case_id, released_to, version) VALUES (:id, :to, :version)"
                + " ON CONFLICT (case_id) DO UPDATE SET released_to = EXCLUDED.released_to, version = EXCLUDED.version")
                .setParameter("id", snapshot.id()).setParameter("to", now == null ? null : now.name())
                .setParameter("version", snapshot.version())
                .executeUpdate();
        return changes.size();
    }

    /**
     * Applies an action event: the partner view of the action, with the same type, on the topic of the
     * organisation its case is released to now; nothing when the case is released to none.
     *
     * @return the number of partner events written (0 or 1)
     */
    @Transactional
    public int applyAction(String source, String eventId, String type, ActionSnapshot action) {
        if (!firstTime(source, eventId, type)) {
            return 0;
        }
        Optional<PartnerChange> change = PartnerChange.ofAction(type,
                feedCase(action.caseId()).map(FeedCase::releasedTo).orElse(null), action);
        change.ifPresent(this::send);
        return change.isPresent() ? 1 : 0;
    }

    /** On the organisation's topic, key = case id (one case's partner events stay in order on one partition). */
    private void send(PartnerChange change) {
        outbox.append(PartnerEvents.TOPICS.get(change.organisation()), change.caseId().toString(), change.type(),
                change.subject().toString(), change.data());
    }

    /** Records the event as processed; false when it was already (a redelivery, or a concurrent consumer). */
    private boolean firstTime(String source, String eventId, String type) {
        // ON CONFLICT rather than a look-up first: a second transaction inserting the same id waits for the first
        // and then inserts nothing, so two consumers of one record (a rebalance) never both apply it
        int inserted = em.createNativeQuery("INSERT INTO processed_event (source, event_id, event_type, processed_at)"
                + " VALUES (:source, :id, :type, :at) ON CONFLICT (source, event_id) DO NOTHING")
                .setParameter("source", source).setParameter("id", eventId).setParameter("type", type)
                .setParameter("at", clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("Cooperation event %s from %s already fed", eventId, source);
        }
        return inserted == 1;
    }

    private Optional<FeedCase> feedCase(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT released_to, version FROM partner_feed_case WHERE case_id = :id FOR UPDATE")
                .setParameter("id", caseId).getResultList();
        return rows.stream().findFirst().map(row -> new FeedCase(
                row[0] == null ? null : Organisation.valueOf((String) row[0]), ((Number) row[1]).longValue()));
    }


    private record FeedCase(Organisation releasedTo, long version) {
    }
}

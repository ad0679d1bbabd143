package org.dcis.cooperation.partner;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dcis.cooperation.actions.ActionService;
import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.platform.consumer.ConsumedEvents;
import org.dcis.platform.consumer.DeadLetter;
import org.dcis.platform.consumer.ResilientConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Feeds the partner topics from dcis.cooperation.v1 (structured-mode CloudEvents, this service's own events), in
 * its own consumer group, and never stops on one record.
 *
 * <p>Built as the post directory's consumer is (see {@code directory.PostEventConsumer}): a blocking, ordered
 * SmallRye channel, acknowledged only after {@link PartnerFeeds} committed, so a crash in between redelivers the
 * record and {@code processed_event} ignores it; the platform's {@link ResilientConsumer} retries a transient
 * failure as long as it takes and turns a record that can never be applied (not a CloudEvent, an unknown type,
 * data that is no case or action) into a {@link DeadLetter}, which the channel's failure strategy writes to
 * {@code dcis.cooperation.dead-letter.v1}.
 */
@ApplicationScoped
public class PartnerFeedConsumer {
    public static final String CHANNEL = "partner-feeds";
    private static final String STATUS_CHANGED = "action.status-changed";
    private static final Logger LOG = Logger.getLogger(PartnerFeedConsumer.class);

    private final PartnerFeeds feeds;
    private final ObjectMapper json;
    private final ResilientConsumer consumer;

    PartnerFeedConsumer(PartnerFeeds feeds, ObjectMapper json, ResilientConsumer consumer) {
        this.feeds = feeds;
        this.json = json;
        this.consumer = consumer;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onCooperationEvent(ConsumerRecord<String, byte[]> record) {
        // named topic-partition@offset, applied inside the trace the record carries (see ResilientConsumer)
        consumer.process(CHANNEL, record, () -> {
            CloudEvent event = read(record);
            String source = event.getSource().toString();
            String type = event.getType();
            int written;
            if (PartnerFeeds.CASE_TYPES.contains(type)) {
                written = feeds.applyCase(source, event.getId(), type, caseOf(event));
            } else {
                written = feeds.applyAction(source, event.getId(), type, actionOf(event));
            }
            LOG.debugf("Cooperation event %s %s: %d partner event(s)", type, event.getId(), written);
        });
    }

    private static final Set<String> TYPES = types();

    private static Set<String> types() {
        Set<String> all = new java.util.HashSet<>(PartnerFeeds.CASE_TYPES);
        all.addAll(PartnerFeeds.ACTION_TYPES);
        return Set.copyOf(all);
    }

    private static CloudEvent read(ConsumerRecord<String, byte[]> record) {
        return ConsumedEvents.read(record, TYPES, "cases");
    }

    private CaseSnapshot caseOf(CloudEvent event) {
        CaseSnapshot snapshot = data(event, CaseSnapshot.class, "case snapshot");
        if (snapshot.id() == null || snapshot.framework() == null || snapshot.handling() == null
                || snapshot.releasableTo() == null || snapshot.version() < 1) {
            throw new DeadLetter(DeadLetter.Kind.SHAPE, "case snapshot without id, framework, handling, releasableTo"
                    + " or version");
        }
        return snapshot;
    }

    private ActionSnapshot actionOf(CloudEvent event) {
        ActionSnapshot action = STATUS_CHANGED.equals(event.getType())
                ? data(event, ActionService.StatusChanged.class, "status change").action()
                : data(event, ActionSnapshot.class, "action snapshot");
        if (action == null || action.id() == null || action.caseId() == null || action.place() == null
                || action.participants() == null) {
            throw new DeadLetter(DeadLetter.Kind.SHAPE, "action snapshot without id, caseId, place or participants");
        }
        return action;
    }

    private <T> T data(CloudEvent event, Class<T> type, String what) {
        return ConsumedEvents.data(json, event, type, what);
    }
}

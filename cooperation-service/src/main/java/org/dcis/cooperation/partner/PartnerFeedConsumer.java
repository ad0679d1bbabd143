package org.dcis.cooperation.partner;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dcis.cooperation.actions.ActionService;
import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.platform.consumer.BatchConsumer;
import org.dcis.platform.consumer.ConsumedEvents;
import org.dcis.platform.consumer.DeadLetter;
import org.dcis.platform.consumer.ResilientConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Feeds the partner topics from dcis.cooperation.v1 (structured-mode CloudEvents, this service's own events), in
 * its own consumer group, and never stops on one record.
 *
 * <p>Built as the post directory's consumer is (see {@code directory.PostEventConsumer}): a blocking, ordered
 * SmallRye channel in batches ({@code batch=true}), each applied by {@link PartnerFeeds#applyAll} in one transaction
 * and a few statements for the whole batch (one round trip per statement and one commit per record were this
 * consumer's time when it fell seconds behind at 200 writes/s, issue 10), acknowledged only after it committed, so
 * a crash in between redelivers the records and {@code processed_event} ignores them. When a batch fails, the
 * platform's {@link BatchConsumer} applies each record alone: {@link ResilientConsumer} retries a transient failure
 * as long as it takes and turns a record that can never be applied (not a CloudEvent, an unknown type, data that is
 * no case or action) into a {@link DeadLetter}, which the channel's failure strategy writes to
 * {@code dcis.cooperation.dead-letter.v1}.
 */
@ApplicationScoped
public class PartnerFeedConsumer {
    public static final String CHANNEL = "partner-feeds";
    private static final String STATUS_CHANGED = "action.status-changed";
    private static final Logger LOG = Logger.getLogger(PartnerFeedConsumer.class);

    private final PartnerFeeds feeds;
    private final ObjectMapper json;
    private final BatchConsumer batches;

    PartnerFeedConsumer(PartnerFeeds feeds, ObjectMapper json, BatchConsumer batches) {
        this.feeds = feeds;
        this.json = json;
        this.batches = batches;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onCooperationEvent(KafkaRecordBatch<String, byte[]> records) {
        // the whole batch in a few statements, record by record when it fails; each inside the trace it carries
        return batches.process(CHANNEL, records, this::feedEvent, feeds::applyAll, event -> {
            int written = feeds.apply(event);
            LOG.debugf("Cooperation event %s %s: %d partner event(s)", event.type(), event.eventId(), written);
        });
    }

    /** What a record says; a {@link DeadLetter} when it can never be fed. */
    private PartnerFeeds.FeedEvent feedEvent(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = read(record);
        String source = event.getSource().toString();
        String type = event.getType();
        return PartnerFeeds.CASE_TYPES.contains(type) ? new PartnerFeeds.FeedEvent(source, event.getId(), type,
                caseOf(event), null) : new PartnerFeeds.FeedEvent(source, event.getId(), type, null, actionOf(event));
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

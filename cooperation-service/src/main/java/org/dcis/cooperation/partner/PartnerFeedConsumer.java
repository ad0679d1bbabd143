package org.dcis.cooperation.partner;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dcis.cooperation.actions.ActionService;
import org.dcis.cooperation.actions.ActionSnapshot;
import org.dcis.cooperation.cases.CaseSnapshot;
import org.dcis.platform.consumer.DeadLetter;
import org.dcis.platform.consumer.ResilientConsumer;
import org.dcis.platform.json.RefusedJsonValue;
import org.dcis.platform.reference.FieldLengths;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
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

    /** The structured-mode event; a record that cannot be read never will be: a {@link DeadLetter} at once. */
    private CloudEvent read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null || record.value().length == 0) {
            throw new DeadLetter(DeadLetter.Kind.PARSE,
                    "record without a value (a tombstone: cases are never deleted)");
        }
        CloudEvent event;
        try {
            event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE)
                    .deserialize(record.value());
        } catch (RuntimeException e) {
            // the SDK's EventDeserializationException, CloudEventRWException...: the bytes are no CloudEvent
            throw new DeadLetter(DeadLetter.Kind.PARSE, "not a structured-mode CloudEvent: " + e.getMessage(), e);
        }
        if (event.getId() == null || event.getId().length() > FieldLengths.EVENT_ID || event.getSource() == null
                || event.getSource().toString().length() > FieldLengths.EVENT_SOURCE) {
            throw new DeadLetter(DeadLetter.Kind.SHAPE, "event id or source missing or too long");
        }
        String type = event.getType();
        if (!PartnerFeeds.CASE_TYPES.contains(type) && !PartnerFeeds.ACTION_TYPES.contains(type)) {
            Set<String> known = new TreeSet<>(PartnerFeeds.CASE_TYPES);
            known.addAll(PartnerFeeds.ACTION_TYPES);
            throw new DeadLetter(DeadLetter.Kind.SHAPE, "unknown event type '" + shorten(type)
                    + "'; known: " + String.join(", ", known));
        }
        if (event.getData() == null) {
            throw new DeadLetter(DeadLetter.Kind.SHAPE, "event " + event.getId() + " without data");
        }
        return event;
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
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (RefusedJsonValue e) {
            throw new DeadLetter(DeadLetter.Kind.SHAPE, what + " field refused: " + e.reason(), e);
        } catch (JacksonException e) {
            throw new DeadLetter(DeadLetter.Kind.PARSE, "data of " + event.getType() + " is not a " + what + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DeadLetter(DeadLetter.Kind.PARSE, "data unreadable: " + e.getMessage(), e);
        }
    }

    private static String shorten(String text) {
        return text == null ? "" : text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}

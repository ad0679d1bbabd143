package org.dcis.cooperation.directory;

import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dcis.platform.consumer.BatchConsumer;
import org.dcis.platform.consumer.ConsumedEvents;
import org.dcis.platform.consumer.DeadLetter;
import org.dcis.platform.consumer.ResilientConsumer;
import org.dcis.platform.reference.PostIds;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Feeds the directory from dcis.posts.v1 (structured-mode CloudEvents), and never stops on one record.
 *
 * <p>SmallRye Reactive Messaging rather than a hand-written poll loop: the connector already gives
 * rebalancing, reconnection after a broker outage, a throttled commit strategy that commits an offset only
 * once the record and every earlier one are acknowledged, and a dead-letter topic. The channel hands over what one
 * poll brought ({@code batch=true}); the platform's {@link BatchConsumer} applies it in one transaction (one commit
 * for many records when the consumer is behind, issue 10) inside {@link PostDirectory#apply} calls, and
 * acknowledges it only after the database commit: a crash in between redelivers the records, which the
 * processed-event table then ignores.
 *
 * <p>When the batch fails, each record is applied alone, and the platform's {@link ResilientConsumer} sorts the failures: a record that can never be applied (not a
 * CloudEvent, not a post snapshot, an unknown event type, a value the database refuses) is thrown as a
 * {@link DeadLetter}, which the channel's failure strategy ({@link DeadLetterStrategy}) writes to
 * {@code dcis.cooperation.dead-letter.v1} with the reason in headers before acknowledging it; a transient
 * failure (the database away) is tried again with backoff, as long as it takes, so the partition waits and
 * nothing is lost.
 */
@ApplicationScoped
public class PostEventConsumer {
    public static final String CHANNEL = "posts";
    /** The types of dcis.posts.v1 (docs/asyncapi.yaml); each carries the full post snapshot. */
    public static final Set<String> TYPES = Set.of("post.opened", "post.updated", "post.suspended", "post.closed",
            "post.coverage-changed", "officer.assigned", "officer.assignment-ended");
    private static final Logger LOG = Logger.getLogger(PostEventConsumer.class);

    private final PostDirectory directory;
    private final ObjectMapper json;
    private final BatchConsumer batches;

    PostEventConsumer(PostDirectory directory, ObjectMapper json, BatchConsumer batches) {
        this.directory = directory;
        this.json = json;
        this.batches = batches;
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onPostEvent(KafkaRecordBatch<String, byte[]> records) {
        // one transaction for the batch, record by record when it fails; each inside the trace it carries
        return batches.process(CHANNEL, records, record -> {
            Parsed parsed = read(record);
            CloudEvent event = parsed.event();
            PostSnapshot snapshot = parsed.snapshot();
            boolean changed = directory.apply(event.getSource().toString(), event.getId(), event.getType(), snapshot);
            LOG.debugf("Post event %s %s for %s v%d: %s", event.getType(), event.getId(), snapshot.id(),
                    snapshot.version(), changed ? "applied" : "no change");
        });
    }

    /**
     * Reads the structured-mode event and its post snapshot. A record that cannot be read never will be: it is a
     * {@link DeadLetter} at once.
     */
    private Parsed read(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = ConsumedEvents.read(record, TYPES, "posts");
        PostSnapshot snapshot = ConsumedEvents.data(json, event, PostSnapshot.class, "post snapshot");
        if (snapshot.hostCountry() == null || snapshot.status() == null || snapshot.version() < 1) {
            throw new DeadLetter(DeadLetter.Kind.SHAPE, "post snapshot without hostCountry, status or version");
        }
        if (!PostIds.isValid(snapshot.id())) {
            throw new DeadLetter(DeadLetter.Kind.SHAPE, "invalid post id '" + shorten(snapshot.id()) + "' ("
                    + (snapshot.id() == null ? 0 : snapshot.id().length()) + " characters): " + PostIds.MESSAGE);
        }
        return new Parsed(event, snapshot);
    }

    private static String shorten(String text) {
        return ConsumedEvents.shorten(text);
    }

    private record Parsed(CloudEvent event, PostSnapshot snapshot) {
    }
}

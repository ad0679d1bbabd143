package org.dcis.cooperation.directory;

import java.io.IOException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Feeds the directory from dcis.posts.v1 (structured-mode CloudEvents).
 *
 * <p>SmallRye Reactive Messaging rather than a hand-written poll loop: the connector already gives
 * rebalancing, reconnection after a broker outage, health reporting and a throttled commit strategy
 * that commits an offset only once the record and every earlier one are acknowledged. The method is
 * blocking, ordered and {@code @Transactional} (inside {@link PostDirectory#apply}), and SmallRye
 * acknowledges the record only after it returns, that is after the database commit: a crash in between
 * redelivers the record, which the processed-event table then ignores.
 */
@ApplicationScoped
public class PostEventConsumer {
    private static final Logger LOG = Logger.getLogger(PostEventConsumer.class);

    private final PostDirectory directory;
    private final ObjectMapper json;

    PostEventConsumer(PostDirectory directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    @Incoming("posts")
    @Blocking
    public void onPostEvent(ConsumerRecord<String, byte[]> record) {
        Optional<Parsed> parsed = parse(record);
        if (parsed.isEmpty()) {
            return;
        }
        CloudEvent event = parsed.get().event();
        PostSnapshot snapshot = parsed.get().snapshot();
        boolean changed = directory.apply(event.getSource().toString(), event.getId(), event.getType(), snapshot);
        LOG.debugf("Post event %s %s for %s v%d: %s", event.getType(), event.getId(), snapshot.id(),
                snapshot.version(), changed ? "applied" : "no change");
    }

    /**
     * Reads the structured-mode event and its post snapshot. A record that cannot be read never will be:
     * it is logged and skipped rather than retried, which would block its partition for good.
     */
    private Optional<Parsed> parse(ConsumerRecord<String, byte[]> record) {
        try {
            CloudEvent event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE)
                    .deserialize(record.value());
            if (event.getData() == null) {
                throw new IOException("event without data");
            }
            PostSnapshot snapshot = json.readValue(event.getData().toBytes(), PostSnapshot.class);
            if (snapshot.id() == null || snapshot.hostCountry() == null || snapshot.status() == null) {
                throw new IOException("post snapshot without id, hostCountry or status");
            }
            return Optional.of(new Parsed(event, snapshot));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("Skipping unreadable record %s-%d@%d (key %s): %s", record.topic(), record.partition(),
                    record.offset(), record.key(), e.getMessage());
            return Optional.empty();
        }
    }

    private record Parsed(CloudEvent event, PostSnapshot snapshot) {
    }
}

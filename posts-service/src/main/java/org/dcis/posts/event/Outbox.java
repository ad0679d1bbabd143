package org.dcis.posts.event;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.dcis.posts.PostsConfig;
import org.dcis.posts.post.PostSnapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/**
 * Writes events in the caller's transaction, so an event exists exactly when its change was committed.
 * Each is serialised once, here, as a structured-mode CloudEvent: the relay sends the bytes as they are.
 */
@ApplicationScoped
public class Outbox {
    public static final URI SOURCE = URI.create("/dcis/posts-service");

    private final ObjectMapper json;
    private final EventFormat format;
    private final String topic;

    public Outbox(ObjectMapper json, PostsConfig config) {
        this.json = json;
        this.format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        this.topic = config.outbox().topic();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(PostEventType type, PostSnapshot snapshot) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        byte[] data;
        try {
            data = json.writeValueAsBytes(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Post snapshot not serialisable", e);
        }
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(SOURCE)
                .withType(type.type())
                .withSubject(snapshot.id())
                .withTime(now)
                .withDataContentType("application/json")
                .withData(data)
                .build();
        String payload = new String(format.serialize(event), StandardCharsets.UTF_8);
        new OutboxEvent(id, topic, snapshot.id(), type.type(), payload, now).persist();
    }
}

package org.dcis.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

import org.dcis.platform.tracing.TraceContext;

/**
 * Writes events in the caller's transaction, so an event exists exactly when its change committed. Each is
 * serialised once, here, as a structured-mode CloudEvent 1.0; the relay sends the bytes as they are. The trace
 * context of the writer (the request's span, or the consumed record's) is kept beside it, as W3C {@code traceparent}
 * and {@code tracestate}, for the relay to send as record headers: the trace goes on across the outbox.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<OutboxWritten> written;
    private final URI source;
    private final EventFormat format;

    Outbox(EntityManager em, ObjectMapper json, Clock clock, Event<OutboxWritten> written, OutboxConfig config) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.written = written;
        this.source = URI.create(config.source());
        this.format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
    }

    /**
     * @param topic   the Kafka topic
     * @param key     the Kafka key, the aggregate id: one aggregate's events stay on one partition, in order
     * @param type    e.g. {@code post.opened}
     * @param subject what the event is about (CloudEvents {@code subject})
     * @param data    the snapshot the event carries, as JSON
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String key, String type, String subject, Object data) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        byte[] body;
        try {
            body = json.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data of " + type + " not serialisable", e);
        }
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(now.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(body)
                .build();
        TraceContext trace = TraceContext.current();
        em.createNativeQuery("INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload, created_at,"
                + " traceparent, tracestate) VALUES (:id, :topic, :key, :type, :payload, :at, :traceparent, :tracestate)")
                .setParameter("id", id).setParameter("topic", topic).setParameter("key", key)
                .setParameter("type", type)
                .setParameter("payload", new String(format.serialize(event), StandardCharsets.UTF_8))
                .setParameter("at", now.atOffset(ZoneOffset.UTC))
                .setParameter("traceparent", trace == null ? null : trace.traceparent())
                .setParameter("tracestate", trace == null ? null : trace.tracestate())
                .executeUpdate();
        written.fire(new OutboxWritten());
        return id;
    }

    public URI source() {
        return source;
    }
}

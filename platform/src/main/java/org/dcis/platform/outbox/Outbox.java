package org.dcis.platform.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

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
        Pending event = prepare(topic, key, type, subject, data);
        em.createNativeQuery("INSERT INTO outbox_event (event_id, topic, event_key, event_type, payload, created_at,"
                + " traceparent, tracestate) VALUES (:id, :topic, :key, :type, :payload, :at, :traceparent, :tracestate)")
                .setParameter("id", event.id()).setParameter("topic", topic).setParameter("key", key)
                .setParameter("type", type)
                .setParameter("payload", event.payload())
                .setParameter("at", event.at())
                .setParameter("traceparent", event.trace() == null ? null : event.trace().traceparent())
                .setParameter("tracestate", event.trace() == null ? null : event.trace().tracestate())
                .executeUpdate();
        written.fire(new OutboxWritten());
        return event.id();
    }

    /**
     * An event as {@link #append} writes it (its id, the serialised CloudEvent, the trace context current now), to
     * be written later with others by {@link #appendAll}: a consumer applying many records at once prepares each
     * record's events inside that record's trace, and writes them all in one round trip.
     */
    public Pending prepare(String topic, String key, String type, String subject, Object data) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
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
                .withTime(now)
                .withDataContentType("application/json")
                .withData(body)
                .build();
        return new Pending(id, topic, key, type, new String(format.serialize(event), StandardCharsets.UTF_8), now,
                TraceContext.current());
    }

    /** Writes prepared events in the caller's transaction, in their order, in one JDBC batch (one round trip). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        // what the persistence context holds goes first, as a native query would have flushed it
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_event (event_id, topic,"
                    + " event_key, event_type, payload, created_at, traceparent, tracestate)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Pending event : events) {
                    insert.setObject(1, event.id());
                    insert.setString(2, event.topic());
                    insert.setString(3, event.key());
                    insert.setString(4, event.type());
                    insert.setString(5, event.payload());
                    insert.setObject(6, event.at());
                    insert.setString(7, event.trace() == null ? null : event.trace().traceparent());
                    insert.setString(8, event.trace() == null ? null : event.trace().tracestate());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        written.fire(new OutboxWritten());
    }

    /** An event ready for {@link #appendAll}. */
    public record Pending(UUID id, String topic, String key, String type, String payload, OffsetDateTime at,
            TraceContext trace) {
    }

    public URI source() {
        return source;
    }
}

package org.dcis.cooperation.event;

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
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/**
 * Announces case and action changes on dcis.cooperation.v1 by writing them to the outbox, in the
 * transaction of the change: the event exists if and only if the change committed.
 */
@ApplicationScoped
public class CooperationEvents {
    public static final String TOPIC = "dcis.cooperation.v1";
    public static final URI SOURCE = URI.create("/dcis/cooperation-service");

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final Event<OutboxWritten> written;

    CooperationEvents(EntityManager em, ObjectMapper json, Clock clock, Event<OutboxWritten> written) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.written = written;
    }

    /**
     * @param type    e.g. {@code case.opened}
     * @param caseId  the Kafka key: every event of one case lands on one partition, in order
     * @param subject the case or action the event is about
     * @param data    the snapshot carried by the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String type, UUID caseId, UUID subject, Object data) {
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
                .withSource(SOURCE)
                .withType(type)
                .withSubject(subject.toString())
                .withTime(now.atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(body)
                .build();
        String payload = new String(EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event),
                StandardCharsets.UTF_8);
        em.persist(new OutboxEvent(id, TOPIC, caseId.toString(), type, payload, now));
        written.fire(new OutboxWritten());
    }

    /** Fired inside the writing transaction; the relay observes it after commit to send without waiting. */
    public record OutboxWritten() {
    }
}

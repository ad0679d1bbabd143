package org.dcis.cooperation.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A CloudEvent waiting in the outbox for the relay. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "event_id")
    private UUID eventId;
    private String topic;
    @Column(name = "event_key")
    private String eventKey;
    @Column(name = "event_type")
    private String eventType;
    private String payload;
    @Column(name = "created_at")
    private Instant createdAt;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID eventId, String topic, String eventKey, String eventType, String payload, Instant createdAt) {
        this.eventId = eventId;
        this.topic = topic;
        this.eventKey = eventKey;
        this.eventType = eventType;
        this.payload = payload;
        this.createdAt = createdAt;
    }
}

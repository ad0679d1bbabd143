package org.dcis.posts.event;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event waiting in the outbox: the whole structured CloudEvent, frozen when the change was made. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "event_id")
    UUID eventId;

    String topic;

    @Column(name = "event_key")
    String eventKey;

    @Column(name = "event_type")
    String eventType;

    String payload;

    @Column(name = "created_at")
    OffsetDateTime createdAt;

    @Column(name = "sent_at")
    OffsetDateTime sentAt;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID eventId, String topic, String key, String type, String payload, OffsetDateTime createdAt) {
        this.eventId = eventId;
        this.topic = topic;
        this.eventKey = key;
        this.eventType = type;
        this.payload = payload;
        this.createdAt = createdAt;
    }
}

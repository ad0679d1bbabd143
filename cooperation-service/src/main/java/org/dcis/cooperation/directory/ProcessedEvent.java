package org.dcis.cooperation.directory;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An event already applied; recorded in the same transaction as its effect. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {
    @EmbeddedId
    private Key key;
    @Column(name = "event_type")
    private String eventType;
    @Column(name = "processed_at")
    private Instant processedAt;

    protected ProcessedEvent() {
    }

    ProcessedEvent(String source, String eventId, String eventType, Instant processedAt) {
        this.key = new Key(source, eventId);
        this.eventType = eventType;
        this.processedAt = processedAt;
    }

    @Embeddable
    public record Key(@Column(name = "source") String source, @Column(name = "event_id") String eventId)
            implements Serializable {
    }
}

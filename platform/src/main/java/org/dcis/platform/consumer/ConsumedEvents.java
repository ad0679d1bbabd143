package org.dcis.platform.consumer;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dcis.platform.json.RefusedJsonValue;
import org.dcis.platform.reference.FieldLengths;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/**
 * Reads the structured-mode CloudEvents the suite's consumers receive (the outbox relay writes them), the same way for
 * every channel: a record that can never be read (no value, not a CloudEvent, an id or source missing or too long, a
 * type the consumer does not know, no data, data that is not what the type carries) is a {@link DeadLetter} at once,
 * with a reason that says which.
 */
public final class ConsumedEvents {
    private ConsumedEvents() {
    }

    /**
     * @param known      the event types the consumer applies
     * @param aggregates what the topic's records are about ("posts", "cases"), for the tombstone's reason
     */
    public static CloudEvent read(ConsumerRecord<String, byte[]> record, Set<String> known, String aggregates) {
        if (record.value() == null || record.value().length == 0) {
            throw new DeadLetter(DeadLetter.Kind.PARSE, "record without a value (a tombstone: " + aggregates
                    + " are never deleted)");
        }
        CloudEvent event;
        try {
            event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(record.value());
        } catch (RuntimeException e) {
            // the SDK's EventDeserializationException, CloudEventRWException...: the bytes are no CloudEvent
            throw new DeadLetter(DeadLetter.Kind.PARSE, "not a structured-mode CloudEvent: " + e.getMessage(), e);
        }
        if (event.getId() == null || event.getId().length() > FieldLengths.EVENT_ID || event.getSource() == null
                || event.getSource().toString().length() > FieldLengths.EVENT_SOURCE) {
            throw new DeadLetter(DeadLetter.Kind.SHAPE, "event id or source missing or too long");
        }
        if (!known.contains(event.getType())) {
            throw new DeadLetter(DeadLetter.Kind.SHAPE, "unknown event type '" + shorten(event.getType())
                    + "'; known: " + String.join(", ", new TreeSet<>(known)));
        }
        if (event.getData() == null) {
            throw new DeadLetter(DeadLetter.Kind.SHAPE, "event " + event.getId() + " without data");
        }
        return event;
    }

    /** The event's data as {@code type} ({@code what} names it in the reason of a refusal). */
    public static <T> T data(ObjectMapper json, CloudEvent event, Class<T> type, String what) {
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

    /** A value quoted in a reason: at most 60 characters. */
    public static String shorten(String text) {
        return text == null ? "" : text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}

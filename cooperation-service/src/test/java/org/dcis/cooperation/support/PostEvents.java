package org.dcis.cooperation.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dcis.devstack.testing.SharedServers;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/**
 * Plays posts-service: publishes structured-mode CloudEvents on dcis.posts.v1 exactly as
 * docs/conventions.md describes them, with a plain KafkaProducer.
 */
public final class PostEvents {
    public static final String TOPIC = "dcis.posts.v1";
    private static final URI SOURCE = URI.create("/dcis/posts-service");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Versions grow across the whole test JVM, whichever class publishes first. */
    private static final AtomicLong VERSIONS = new AtomicLong(100);

    private PostEvents() {
    }

    public static long nextVersion() {
        return VERSIONS.incrementAndGet();
    }

    /** Publishes a post snapshot with the next version; returns that version. */
    public static long publish(String type, String id, String hostCountry, String city, String status, List<String> coverage) {
        long version = nextVersion();
        publish(type, UUID.randomUUID().toString(), snapshot(id, hostCountry, city, status, coverage, version));
        return version;
    }

    public static Map<String, Object> snapshot(String id, String hostCountry, String city, String status,
            List<String> coverage, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", id);
        data.put("hostCountry", hostCountry);
        data.put("city", city);
        data.put("embassy", "Ambassade de France, " + city);
        data.put("status", status);
        data.put("openedOn", LocalDate.of(2011, 9, 1).toString());
        data.put("closedOn", "CLOSED".equals(status) ? LocalDate.of(2024, 12, 31).toString() : null);
        data.put("coverage", coverage.stream().sorted().toList());
        data.put("officerCount", 3);
        data.put("version", version);
        return data;
    }

    public static void publish(String type, String eventId, Map<String, Object> snapshot) {
        try {
            send((String) snapshot.get("id"), event(type, eventId, snapshot));
        } catch (Exception e) {
            throw new IllegalStateException("post event not published", e);
        }
    }

    /** The record value of a post event: a structured-mode CloudEvent carrying the snapshot. */
    public static byte[] event(String type, String eventId, Map<String, Object> snapshot) {
        try {
            CloudEvent event = CloudEventBuilder.v1()
                    .withId(eventId)
                    .withSource(SOURCE)
                    .withType(type)
                    .withSubject(String.valueOf(snapshot.get("id")))
                    .withTime(OffsetDateTime.now())
                    .withDataContentType("application/json")
                    .withData(JSON.writeValueAsBytes(snapshot))
                    .build();
            return EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event);
        } catch (Exception e) {
            throw new IllegalStateException("post event not built", e);
        }
    }

    /** Sends one raw record (key = post id) and waits for the broker's acknowledgement. */
    public static void send(String key, byte[] value) throws Exception {
        try (var producer = producer()) {
            var record = new ProducerRecord<>(TOPIC, key, value);
            record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }

    public static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new ByteArraySerializer());
    }
}

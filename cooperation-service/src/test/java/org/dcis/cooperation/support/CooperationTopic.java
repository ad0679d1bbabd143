package org.dcis.cooperation.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dcis.devstack.testing.SharedServers;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/** Reads dcis.cooperation.v1 from the beginning with a plain consumer, as any downstream system would. */
public final class CooperationTopic {
    public static final String TOPIC = "dcis.cooperation.v1";

    private CooperationTopic() {
    }

    /** Every record keyed by one of {@code keys}, in topic order, once at least {@code expected} arrived. */
    public static List<ConsumerRecord<String, byte[]>> read(Collection<String> keys, int expected, Duration atMost) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = fromTheBeginning()) {
            await().atMost(atMost).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        found.add(record);
                    }
                }
                return found.size() >= expected;
            });
            // whatever else is already there for these keys (a duplicate would show up here)
            for (var record : consumer.poll(Duration.ofSeconds(2))) {
                if (keys.contains(record.key())) {
                    found.add(record);
                }
            }
        }
        return found;
    }

    /**
     * Every record keyed by one of {@code keys}, in topic order, once {@code expected} different events
     * (by CloudEvent id) arrived: for at-least-once delivery, where a redelivery may follow an outage.
     */
    public static List<ConsumerRecord<String, byte[]>> readDistinct(Collection<String> keys, int expected, Duration atMost) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        try (var consumer = fromTheBeginning()) {
            await().atMost(atMost).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (keys.contains(record.key())) {
                        found.add(record);
                        ids.add(parse(record).getId());
                    }
                }
                return ids.size() >= expected;
            });
        }
        return found;
    }

    /** A consumer of a group of its own, so it reads the topic from offset 0. */
    private static KafkaConsumer<String, byte[]> fromTheBeginning() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(TOPIC));
        return consumer;
    }

    public static CloudEvent parse(ConsumerRecord<String, byte[]> record) {
        return EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(record.value());
    }
}

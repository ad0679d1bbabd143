package org.dcis.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A topic read from offset 0 by a plain consumer (no group, every partition assigned), as any downstream
 * system would: what the relays really delivered, redeliveries included.
 */
final class Topic {
    static final String POSTS = "dcis.posts.v1";
    static final String COOPERATION = "dcis.cooperation.v1";

    private Topic() {
    }

    /** One record, with its structured-mode CloudEvent parsed. */
    record Event(int partition, long offset, String key, String id, String type, String subject, JsonNode data,
            byte[] raw) {
        static Event of(ConsumerRecord<String, byte[]> record) {
            JsonNode event;
            try {
                event = Http.JSON.readTree(record.value());
            } catch (java.io.IOException e) {
                event = Http.JSON.createObjectNode();
            }
            return new Event(record.partition(), record.offset(), record.key(), event.path("id").asText(null),
                    event.path("type").asText(null), event.path("subject").asText(null), event.path("data"),
                    record.value());
        }
    }

    /**
     * What was read: every wanted record in topic order per partition, redeliveries included; {@code complete}
     * is false when the wait ran out before the expected events were there (the assertions then say what lacks).
     */
    record Delivery(List<Event> records, boolean complete) {
        /** The first record of each event id: what a consumer that records processed ids applies. */
        List<Event> distinct() {
            Map<String, Event> first = new LinkedHashMap<>();
            records.forEach(r -> first.putIfAbsent(r.id(), r));
            return new ArrayList<>(first.values());
        }

        /** Records whose event id came before: at-least-once redeliveries. */
        int duplicates() {
            return records.size() - distinct().size();
        }

        /** Redeliveries that are not byte for byte the event first delivered under their id (must be none). */
        List<Event> differingRedeliveries() {
            Map<String, Event> first = new LinkedHashMap<>();
            List<Event> differing = new ArrayList<>();
            for (Event record : records) {
                Event earlier = first.putIfAbsent(record.id(), record);
                if (earlier != null && !Arrays.equals(earlier.raw(), record.raw())) {
                    differing.add(record);
                }
            }
            return differing;
        }

        /** Distinct events by record key (the aggregate id). */
        Map<String, List<Event>> byKey() {
            return distinct().stream().collect(Collectors.groupingBy(Event::key, LinkedHashMap::new, Collectors.toList()));
        }
    }

    /**
     * Sends a record again, byte for byte, with the same key and content type: an at-least-once redelivery as
     * a relay makes it after a crash between sending and marking sent.
     */
    static void redeliver(String topic, Event event) {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.<String, Object>of(
                org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, FaultStack.get().kafkaBootstrap(),
                org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(topic, event.key(), event.raw());
            record.headers().add("content-type", "application/cloudevents+json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(record).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not redeliver " + event.id() + " on " + topic, e);
        }
    }

    /**
     * Reads {@code topic} from the beginning until {@code enough} holds for the wanted records read and the
     * consumer has reached the end of every partition, at most {@code atMost}.
     */
    static Delivery read(String topic, Predicate<Event> wanted, Predicate<Delivery> enough, Duration atMost) {
        List<Event> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, FaultStack.get().kafkaBootstrap(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // The consumer is not thread-safe: every poll happens in this thread.
            try {
                await("records of " + topic).atMost(atMost).pollInterval(Duration.ofMillis(100)).pollInSameThread()
                    .until(() -> {
                        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                            Event event = Event.of(record);
                            if (wanted.test(event)) {
                                found.add(event);
                            }
                        }
                        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                        boolean atEnd = partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
                        return atEnd && enough.test(new Delivery(List.copyOf(found), true));
                    });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                System.out.printf("[fault] %s: the expected events were not all there after %d s (%d records read)%n",
                        topic, atMost.toSeconds(), found.size());
                return new Delivery(List.copyOf(found), false);
            }
        }
        return new Delivery(List.copyOf(found), true);
    }
}

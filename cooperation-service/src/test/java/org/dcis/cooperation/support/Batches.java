package org.dcis.cooperation.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/** A poll's batch of records, as the channel hands it to a consumer method, for calling that method directly. */
public final class Batches {
    private Batches() {
    }

    @SafeVarargs
    public static <K, V> IncomingKafkaRecordBatch<K, V> of(ConsumerRecord<K, V>... records) {
        Map<TopicPartition, List<ConsumerRecord<K, V>>> byPartition = new LinkedHashMap<>();
        for (ConsumerRecord<K, V> record : records) {
            byPartition.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), p -> new ArrayList<>())
                    .add(record);
        }
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <A, B> Uni<Void> handle(IncomingKafkaRecord<A, B> record) {
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler failures = new KafkaFailureHandler() {
            @Override
            public <A, B> Uni<Void> handle(IncomingKafkaRecord<A, B> record, Throwable reason, Metadata metadata) {
                return Uni.createFrom().failure(reason);
            }
        };
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(byPartition), "test", -1, commits, failures, false,
                false);
    }
}

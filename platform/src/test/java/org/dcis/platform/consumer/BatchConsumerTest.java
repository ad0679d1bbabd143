package org.dcis.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/**
 * What one poll brought is applied in one transaction; when that fails, record by record with the rules of
 * {@link ResilientConsumer}, so a poison record is set aside alone and the batch is acknowledged only after it.
 * Plain objects: the "database" keeps what a transaction wrote only when it returns.
 */
class BatchConsumerTest {
    static final TopicPartition PARTITION = new TopicPartition("dcis.posts.v1", 0);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ResilientConsumer resilient = new ResilientConsumer(new ConsumerSettings() {
        @Override
        public Duration initialBackoff() {
            return Duration.ofMillis(1);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMillis(4);
        }

        @Override
        public int maxUnexpectedAttempts() {
            return 3;
        }
    }, registry, Clock.systemUTC(), OpenTelemetry.noop());

    /** What committed transactions wrote, in order. */
    private final List<String> committed = new ArrayList<>();
    private List<String> transaction;
    private int transactions;
    private int between;
    private final BatchConsumer batches = new BatchConsumer(resilient, registry, work -> {
        transactions++;
        transaction = new ArrayList<>();
        try {
            work.run();
            committed.addAll(transaction);
        } finally {
            transaction = null;
        }
    }, () -> between++);

    /** Offsets the commit handler was told are done, and records the failure strategy received, with why. */
    private final List<Long> acknowledged = new ArrayList<>();
    private final List<String> nacked = new ArrayList<>();

    @Test
    void aBatchIsAppliedInOneTransactionAndAcknowledgedOnce() throws Exception {
        IncomingKafkaRecordBatch<String, String> batch = batch("a", "b", "c");

        complete(batches.process("posts", batch, record -> write(record.value())));

        assertThat(transactions).isEqualTo(1);
        assertThat(between).as("the persistence context let go after each record").isEqualTo(3);
        assertThat(committed).containsExactly("a", "b", "c");
        assertThat(acknowledged).as("the latest offset of the partition").containsExactly(2L);
        assertThat(nacked).isEmpty();
        assertThat(resilient.status().get("posts").applied()).isEqualTo(3);
        assertThat(registry.summary("dcis.consumer.batch.records", "channel", "posts").max()).isEqualTo(3);
    }

    @Test
    void aPoisonRecordIsSetAsideAloneAndTheOthersAreAppliedOnce() throws Exception {
        IncomingKafkaRecordBatch<String, String> batch = batch("a", "poison", "c");

        complete(batches.process("posts", batch, record -> {
            if (record.value().equals("poison")) {
                throw new DeadLetter(DeadLetter.Kind.SHAPE, "not a post");
            }
            write(record.value());
        }));

        assertThat(committed).as("the batch's transaction rolled back, then one by one").containsExactly("a", "c");
        assertThat(nacked).containsExactly("1:DeadLetter");
        assertThat(acknowledged).as("the dead letter by the failure strategy, then the batch").containsExactly(1L, 2L);
        assertThat(registry.counter("dcis.consumer.batch.retried.alone", "channel", "posts").count()).isEqualTo(1);
        assertThat(resilient.status().get("posts").deadLetters()).isEqualTo(1);
    }

    @Test
    void aTransientFailureOfTheBatchIsTriedAgainRecordByRecord() throws Exception {
        IncomingKafkaRecordBatch<String, String> batch = batch("a", "b");
        int[] failures = {2};

        complete(batches.process("posts", batch, record -> {
            if (record.value().equals("b") && failures[0]-- > 0) {
                throw new IllegalStateException("tx failed", new SQLException("Connection refused", "08001"));
            }
            write(record.value());
        }));

        assertThat(committed).containsExactly("a", "b");
        assertThat(nacked).isEmpty();
        assertThat(acknowledged).containsExactly(1L);
    }

    @Test
    void aServiceStoppingWhileARecordWaitsAcknowledgesNothing() throws Exception {
        IncomingKafkaRecordBatch<String, String> batch = batch("a", "b");
        resilient.destroy();

        CompletableFuture<Void> done = batches.process("posts", batch, record -> {
            if (record.value().equals("b")) {
                throw new IllegalStateException("tx failed", new SQLException("Connection refused", "08001"));
            }
            write(record.value());
        }).toCompletableFuture();

        assertThat(done).failsWithin(5, TimeUnit.SECONDS);
        assertThat(acknowledged).isEmpty();
        assertThat(nacked).containsExactly("0:ConsumerStopping", "1:ConsumerStopping");
        assertThat(committed).as("applied before the stop, and ignored when received again").containsExactly("a");
    }

    private void write(String value) {
        (transaction != null ? transaction : committed).add(value);
    }

    private static void complete(java.util.concurrent.CompletionStage<Void> stage) throws Exception {
        stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private IncomingKafkaRecordBatch<String, String> batch(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int offset = 0; offset < values.length; offset++) {
            records.add(new ConsumerRecord<>(PARTITION.topic(), PARTITION.partition(), offset, "key", values[offset]));
        }
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                acknowledged.add(record.getOffset());
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler failures = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                nacked.add(record.getOffset() + ":" + reason.getClass().getSimpleName());
                return reason instanceof ConsumerStopping ? Uni.createFrom().failure(reason)
                        : Uni.createFrom().completionStage(record.ack());
            }
        };
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(Map.of(PARTITION, records)), "posts", -1, commits,
                failures, false, false);
    }
}

package org.dcis.platform.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Applies what one poll of a channel brought in one database transaction, so that a consumer behind by many records
 * pays one commit for all of them instead of one each: the commit (a WAL flush) was more than half of the partner
 * feeds' consumer's time when it fell seconds behind at 200 writes/s (issue 10's profile). Idle, a poll brings one
 * record and nothing changes; the more a consumer is behind, the larger its batches and the cheaper each record.
 *
 * <p>The rules of {@link ResilientConsumer} are kept, record by record: when the batch fails in any way (a record
 * that can never be applied, the database away), its transaction is rolled back and every record of the batch is
 * applied again on its own, through {@link ResilientConsumer#process(String, ConsumerRecord, Runnable)} (each in its
 * own transaction, with its retries, and the {@code processed_event} table ignoring what is there already), so one
 * poison record costs its batch a second pass and nothing else. A record that can never be applied is nacked alone,
 * which hands it to the channel's failure strategy (the dead-letter topic); the batch is acknowledged only once
 * those nacks are done, so no offset is committed past a record not yet applied or set aside. A service stopping
 * while a record waits ({@link ConsumerStopping}) nacks the batch: nothing of it is acknowledged and the next start
 * receives it again.
 *
 * <p>The channel is configured with {@code batch=true} and its method takes the {@link KafkaRecordBatch} as a
 * message, is {@code @Blocking} (ordered) and returns what {@link #process} returns.
 */
@ApplicationScoped
public class BatchConsumer {
    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);

    private final ResilientConsumer consumer;
    private final MeterRegistry registry;
    private final Consumer<Runnable> oneTransaction;
    private final Runnable betweenRecords;

    @Inject
    BatchConsumer(ResilientConsumer consumer, MeterRegistry registry, EntityManager em) {
        // Each record's entities are written and let go before the next: otherwise every statement of a batch
        // dirty-checks all the entities loaded by the records before it (Hibernate flushes before a query), and a
        // record costs more the later it comes in its batch.
        this(consumer, registry, work -> QuarkusTransaction.requiringNew().run(work), () -> {
            em.flush();
            em.clear();
        });
    }

    /**
     * @param oneTransaction runs its argument in a new transaction, committed when it returns, rolled back when it
     *                       throws
     * @param betweenRecords run inside that transaction after each record
     */
    BatchConsumer(ResilientConsumer consumer, MeterRegistry registry, Consumer<Runnable> oneTransaction,
            Runnable betweenRecords) {
        this.consumer = consumer;
        this.registry = registry;
        this.oneTransaction = oneTransaction;
        this.betweenRecords = betweenRecords;
    }

    /**
     * Applies every record of the batch with {@code work}, one after the other in one transaction, then
     * acknowledges the batch.
     *
     * @param work applies one record; joins the caller's transaction ({@code @Transactional} methods do); throws a
     *             {@link DeadLetter} for a record that can never be applied
     * @return completed when the batch was acknowledged (or nacked, for a stopping service)
     */
    public <K, V> CompletionStage<Void> process(String channel, KafkaRecordBatch<K, V> batch,
            Consumer<ConsumerRecord<K, V>> work) {
        return process(channel, batch, record -> record, records -> records.forEach(record -> record.inTrace(() -> {
            work.accept(record.value());
            betweenRecords.run();
        })), work);
    }

    /**
     * Applies the batch at once with {@code applyAll} (set-based: a few statements for the whole batch), then
     * acknowledges it; when that fails, each record alone with {@code applyOne}.
     *
     * @param read     what a record says; throws a {@link DeadLetter} for a record that cannot be read
     * @param applyAll applies the records read, in their order, in the caller's transaction; each record's part runs
     *                 in {@link Traced#inTrace} so that the events it writes carry its trace on
     * @param applyOne applies one record read, in a transaction of its own
     */
    public <K, V, T> CompletionStage<Void> process(String channel, KafkaRecordBatch<K, V> batch,
            Function<ConsumerRecord<K, V>, T> read, Consumer<List<Traced<T>>> applyAll, Consumer<T> applyOne) {
        List<KafkaRecord<K, V>> messages = batch.getRecords();
        List<ConsumerRecord<K, V>> records = new ArrayList<>(messages.size());
        for (KafkaRecord<K, V> message : messages) {
            records.add(recordOf(message));
        }
        summary(channel).record(records.size());
        try {
            oneTransaction.accept(() -> {
                List<Traced<T>> all = new ArrayList<>(records.size());
                for (ConsumerRecord<K, V> record : records) {
                    all.add(new Traced<>(read.apply(record), work -> consumer.inTrace(channel, record, work)));
                }
                applyAll.accept(all);
            });
            consumer.applied(channel, records.size());
            return batch.ack();
        } catch (RuntimeException failure) {
            LOG.debugf("Batch of %d record(s) of channel %s from %s not applied at once (%s: %s); one by one",
                    records.size(), channel, records.isEmpty() ? "-" : ResilientConsumer.name(records.get(0)),
                    failure.getClass().getSimpleName(), failure.getMessage());
        }
        registry.counter("dcis.consumer.batch.retried.alone", "channel", channel).increment();
        List<CompletableFuture<Void>> setAside = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<K, V> record = records.get(i);
            try {
                consumer.process(channel, record, () -> applyOne.accept(read.apply(record)));
            } catch (DeadLetter letter) {
                setAside.add(messages.get(i).nack(letter).toCompletableFuture());
            } catch (ConsumerStopping stopping) {
                return allOf(setAside).thenCompose(done -> batch.nack(stopping));
            }
        }
        return allOf(setAside).thenCompose(done -> batch.ack());
    }

    /** A record as read, and how to run work inside the trace it carries (a consumer span, current meanwhile). */
    public record Traced<T>(T value, Consumer<Runnable> tracing) {
        public void inTrace(Runnable work) {
            tracing.accept(work);
        }
    }

    private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> stages) {
        return CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new));
    }

    @SuppressWarnings("unchecked")
    private static <K, V> ConsumerRecord<K, V> recordOf(KafkaRecord<K, V> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<K, V>) metadata.getRecord())
                .orElseThrow(() -> new IllegalStateException("a batch of " + message.getTopic()
                        + " without the Kafka record of a message"));
    }

    private DistributionSummary summary(String channel) {
        return DistributionSummary.builder("dcis.consumer.batch.records")
                .description("Records applied in one transaction, per poll of the channel")
                .tag("channel", channel)
                .register(registry);
    }
}

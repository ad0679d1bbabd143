package org.dcis.cooperation.directory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.dcis.platform.consumer.ConsumerStopping;
import org.dcis.platform.consumer.DeadLetter;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The failure strategy of the {@code posts} channel ({@code failure-strategy=dcis-dead-letter-queue}): SmallRye's
 * own dead-letter queue, which writes the record as it came to {@code dead-letter-queue.topic} with
 * {@code dead-letter-reason}, {@code dead-letter-cause}, {@code dead-letter-topic}, {@code dead-letter-partition}
 * and {@code dead-letter-offset} headers and then acknowledges it, so the consumer goes on. Two additions:
 * <ul>
 * <li>the kind of refusal in {@value DeadLetter#KIND_HEADER} ({@code parse}, {@code shape}, {@code data},
 * {@code constraint}, {@code unexpected});</li>
 * <li>a record that was not refused but interrupted because the service stops ({@link ConsumerStopping}) is
 * neither dead-lettered nor acknowledged: the channel stops as with {@code failure-strategy=fail}, its offset is
 * not committed, and the next start receives the record again.</li>
 * </ul>
 */
@ApplicationScoped
@Identifier(DeadLetterStrategy.NAME)
public class DeadLetterStrategy implements KafkaFailureHandler.Factory {
    public static final String NAME = "dcis-dead-letter-queue";
    private static final Logger LOG = Logger.getLogger(DeadLetterStrategy.class);

    private final KafkaFailureHandler.Factory deadLetterQueue;

    DeadLetterStrategy(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
            BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler queue = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (find(reason, ConsumerStopping.class) != null) {
                    LOG.infof("Channel %s stops before %s-%d@%d was applied; it will be received again",
                            config.getChannel(), record.getTopic(), record.getPartition(), record.getOffset());
                    reportFailure.accept(reason, true);
                    return Uni.createFrom().failure(reason);
                }
                DeadLetter letter = find(reason, DeadLetter.class);
                if (letter == null) {
                    letter = new DeadLetter(DeadLetter.Kind.UNEXPECTED, reason.getClass().getSimpleName() + ": "
                            + reason.getMessage(), reason);
                }
                OutgoingKafkaRecordMetadata<K> kind = OutgoingKafkaRecordMetadata.<K> builder()
                        .withHeaders(List.of(new RecordHeader(DeadLetter.KIND_HEADER,
                                letter.kind().label().getBytes(StandardCharsets.UTF_8))))
                        .build();
                return queue.handle(record, letter, metadata == null ? Metadata.of(kind) : metadata.with(kind));
            }

            @Override
            public void terminate() {
                queue.terminate();
            }
        };
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}

package org.dcis.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.StartupEvent;

import org.dcis.platform.tracing.TraceContext;

/**
 * Sends the outbox to Kafka, in id order, at least once. The one relay of the suite: every service on the
 * platform runs this class, configured under {@code dcis.outbox.relay}.
 *
 * <p>One relay is active at a time across instances: a round starts only if this instance gets the
 * PostgreSQL session advisory lock, so per-case order holds (SKIP LOCKED alone would let two relays
 * interleave one key). A round reads a batch of unsent rows, sends them with an idempotent producer
 * ({@code acks=all}), waits for every acknowledgement, then marks sent the acknowledged prefix. A commit
 * on this instance wakes the relay at once ({@link OutboxWritten}); a poll finds rows of other instances.
 * Plain JDBC in autocommit mode on purpose: no database transaction stays open while the broker is
 * away. A failed round is retried with exponential backoff; the outbox simply grows meanwhile.
 *
 * <p>A row written under a trace (its {@code traceparent}) is sent in a {@code <topic> publish} producer span, child
 * of the writer's span, whose context goes out as the record headers {@code traceparent} / {@code tracestate}: the
 * consumers continue the trace of the request that made the change. The CloudEvent itself is not touched.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final AgroalDataSource dataSource;
    private final OutboxConfig.Relay config;
    private final java.util.Map<String, OutboxConfig.Topic> topics;
    private final String clientId;
    private final String bootstrapServers;
    private final MeterRegistry registry;
    private final Tracer tracer;

    private final Semaphore wakeup = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private KafkaProducer<String, byte[]> producer;
    private Thread worker;

    private volatile long unsent;
    private volatile Instant oldestUnsent;
    private volatile boolean active;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile long sentTotal;
    private volatile boolean topicsReady;
    /** When the round now waiting on the broker started sending; null while no round waits. */
    private volatile Instant sendingSince;
    /** A round waiting longer than this on acknowledgements means the broker is not answering. */
    static final Duration STALLED = Duration.ofSeconds(5);

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name") String application, MeterRegistry registry,
            OpenTelemetry openTelemetry) {
        this.dataSource = dataSource;
        this.tracer = openTelemetry.getTracer("org.dcis.platform.outbox");
        this.config = config.relay();
        this.topics = config.topics();
        this.clientId = application + "-outbox-relay";
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
    }

    void start(@Observes StartupEvent startup) {
        Gauge.builder("dcis.outbox.unsent", this, relay -> relay.unsent)
                .description("Events written to the outbox and not yet acknowledged by Kafka").register(registry);
        Gauge.builder("dcis.outbox.lag.seconds", this, OutboxRelay::lagSeconds)
                .description("Age of the oldest unsent outbox event").register(registry);
        FunctionCounter.builder("dcis.outbox.sent", this, relay -> relay.sentTotal)
                .description("Events relayed to Kafka by this instance since start").register(registry);
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled on this instance");
            return;
        }
        int deliveryTimeout = (int) config.deliveryTimeout().toMillis();
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms
        int requestTimeout = Math.max(1_000, Math.min(10_000, deliveryTimeout / 2));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeout,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000),
                new StringSerializer(), new ByteArraySerializer());
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    /** New rows committed: start a round now instead of at the next poll. */
    void onWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWritten written) {
        wakeup.release();
    }

    @PreDestroy
    void stop() {
        stopping.countDown();
        wakeup.release();
        if (worker != null) {
            try {
                worker.join(Duration.ofSeconds(15).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private void run() {
        Duration backoff = null;
        while (stopping.getCount() > 0) {
            try {
                boolean more = relayOnce();
                if (backoff != null) {
                    LOG.info("Outbox relay recovered");
                }
                backoff = null;
                lastError = null;
                if (!more) {
                    wakeup.drainPermits();
                    wakeup.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoff = backoff == null ? config.initialBackoff()
                        : min(backoff.multipliedBy(2), config.maxBackoff());
                lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
                lastErrorAt = Instant.now();
                LOG.warnf("Outbox relay round failed (%s); next try in %s", lastError, backoff);
                try {
                    // waits the full backoff: new writes must not turn a broker outage into a busy loop
                    if (stopping.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One round; returns whether a full batch was sent (so more rows probably wait). */
    boolean relayOnce() throws SQLException, InterruptedException, ExecutionException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!tryLock(connection)) {
                active = false;
                refreshLag(connection);
                return false;
            }
            active = true;
            try {
                ensureTopics();
                List<Row> rows = unsentRows(connection);
                if (rows.isEmpty()) {
                    refreshLag(connection);
                    return false;
                }
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                ExecutionException failure = null;
                sendingSince = Instant.now();
                try {
                    for (Row row : rows) {
                        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                                row.payload().getBytes(StandardCharsets.UTF_8));
                        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                        Span span = publishSpan(row);
                        if (span != null) {
                            TraceContext.of(Context.root().with(span)).writeTo(record.headers());
                        }
                        try {
                            acks.add(producer.send(record, span == null ? null : (metadata, error) -> {
                                if (error != null) {
                                    span.recordException(error);
                                    span.setStatus(StatusCode.ERROR);
                                } else {
                                    span.setAttribute(PARTITION, (long) metadata.partition());
                                    span.setAttribute(OFFSET, metadata.offset());
                                }
                                span.end();
                            }));
                        } catch (RuntimeException e) {
                            if (span != null) {
                                span.recordException(e);
                                span.setStatus(StatusCode.ERROR);
                                span.end();
                            }
                            throw e;
                        }
                    }
                } catch (RuntimeException e) {
                    // e.g. metadata unavailable for max.block.ms: rows already handed over are still awaited below
                    failure = new ExecutionException(e);
                }
                List<Long> acknowledged = new ArrayList<>();
                for (int i = 0; i < acks.size(); i++) {
                    try {
                        acks.get(i).get();
                        acknowledged.add(rows.get(i).id());
                    } catch (ExecutionException e) {
                        // only the acknowledged prefix is marked: a later row is never sent before an earlier one
                        failure = failure == null ? e : failure;
                        break;
                    }
                }
                sendingSince = null;
                markSent(connection, acknowledged);
                sentTotal += acknowledged.size();
                refreshLag(connection);
                if (failure != null) {
                    throw failure;
                }
                return rows.size() == config.batchSize();
            } finally {
                sendingSince = null;
                unlock(connection);
            }
        }
    }

    /** Creates the configured topics that do not exist yet, once per instance (compacted where configured). */
    private void ensureTopics() throws InterruptedException, ExecutionException {
        if (topicsReady || topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            java.util.Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            for (Map.Entry<String, OutboxConfig.Topic> wanted : topics.entrySet()) {
                if (existing.contains(wanted.getKey())) {
                    continue;
                }
                OutboxConfig.Topic settings = wanted.getValue();
                NewTopic topic = new NewTopic(wanted.getKey(), Optional.of(settings.partitions()),
                        Optional.of(settings.replicationFactor()));
                if (settings.compacted()) {
                    topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                }
                try {
                    admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
                    LOG.infof("Created topic %s%s", wanted.getKey(), settings.compacted() ? " (compacted)" : "");
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException("topics not ready: the broker did not answer in time", e);
        }
        topicsReady = true;
    }

    private static final AttributeKey<Long> PARTITION = AttributeKey.longKey("messaging.destination.partition.id");
    private static final AttributeKey<Long> OFFSET = AttributeKey.longKey("messaging.kafka.message.offset");

    /** The producer span of a row written under a trace, child of the writer's span; null for a row without one. */
    private Span publishSpan(Row row) {
        if (row.traceparent() == null) {
            return null;
        }
        Context parent = new TraceContext(row.traceparent(), row.tracestate()).extract(Context.root());
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            return null;
        }
        return tracer.spanBuilder(row.topic() + " publish")
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "publish")
                .setAttribute("messaging.destination.name", row.topic())
                .setAttribute("messaging.kafka.message.key", row.key())
                .setAttribute("messaging.client_id", clientId)
                .startSpan();
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, config.lockKey());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    private void unlock(Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, config.lockKey());
            statement.execute();
        } catch (SQLException e) {
            // the lock is session-scoped: if the connection is broken, PostgreSQL has released it already
            LOG.warnf("Could not release the relay lock: %s", e.getMessage());
        }
    }

    private List<Row> unsentRows(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, topic, event_key, payload, traceparent, tracestate FROM outbox_event WHERE sent_at IS NULL"
                        + " ORDER BY id LIMIT ?")) {
            statement.setInt(1, config.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4),
                            result.getString(5), result.getString(6)));
                }
            }
            return rows;
        }
    }

    private void markSent(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "UPDATE outbox_event SET sent_at = now() WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("bigint", ids.toArray());
            statement.setArray(1, array);
            statement.executeUpdate();
        }
    }

    private void refreshLag(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*), min(created_at) FROM outbox_event WHERE sent_at IS NULL");
                ResultSet result = statement.executeQuery()) {
            result.next();
            unsent = result.getLong(1);
            Timestamp oldest = result.getTimestamp(2);
            oldestUnsent = oldest == null ? null : oldest.toInstant();
        }
    }

    /** What readiness reports; reads the outbox afresh, since a round may be waiting on the broker. */
    public Status status() {
        try (Connection connection = dataSource.getConnection()) {
            refreshLag(connection);
        } catch (SQLException e) {
            LOG.debugf("Outbox lag not refreshed: %s", e.getMessage());
        }
        Instant waiting = sendingSince;
        // A round blocked on the broker has no error yet (the producer retries for delivery-timeout): a stall
        // longer than STALLED is reported as such, so readiness says "degraded" during the outage, not after it.
        boolean stalled = waiting != null && Duration.between(waiting, Instant.now()).compareTo(STALLED) > 0;
        String error = lastError != null ? lastError
                : stalled ? "Kafka has not acknowledged for " + Duration.between(waiting, Instant.now()).toSeconds() + " s"
                        : null;
        return new Status(config.enabled(), active, unsent, lagSeconds(), error, stalled ? Instant.now() : lastErrorAt,
                error != null || lagSeconds() > config.maxLag().toSeconds());
    }

    private double lagSeconds() {
        Instant oldest = oldestUnsent;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private record Row(long id, String topic, String key, String payload, String traceparent, String tracestate) {
    }

    /** @param degraded the broker refuses, or the oldest unsent event is older than the configured max lag */
    public record Status(boolean enabled, boolean active, long unsent, double lagSeconds, String lastError,
            Instant lastErrorAt, boolean degraded) {
    }
}

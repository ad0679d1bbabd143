package org.dcis.posts.event;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.dcis.posts.PostsConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends the outbox to Kafka, oldest first. Only the instance holding the PostgreSQL advisory lock
 * relays, so events of a post leave in the order they were written whatever the number of
 * instances. A row is marked sent only after the broker acknowledged it (at least once); while the
 * broker is away rows simply wait and the relay retries with a doubling pause.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CONTENT_TYPE = "application/cloudevents+json";

    private final AgroalDataSource dataSource;
    private final KafkaProducer<String, byte[]> producer;
    private final PostsConfig.Outbox config;
    private final String bootstrapServers;
    private final Duration pollInterval;

    private volatile boolean topicReady;
    private volatile Instant nextAttempt = Instant.MIN;
    private volatile Duration backoff;
    private volatile String lastError;
    private volatile Instant lastSuccess;

    public OutboxRelay(AgroalDataSource dataSource, KafkaProducer<String, byte[]> producer, PostsConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.config = config.outbox();
        this.bootstrapServers = bootstrapServers;
        this.pollInterval = config.outbox().pollInterval();
    }

    @Scheduled(identity = "outbox-relay", every = "${dcis.posts.outbox.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        if (Instant.now().isBefore(nextAttempt)) {
            return;
        }
        try {
            relay();
            backoff = null;
            lastError = null;
            lastSuccess = Instant.now();
        } catch (Exception e) {
            backoff = backoff == null ? pollInterval : min(backoff.multipliedBy(2), config.maxBackoff());
            nextAttempt = Instant.now().plus(backoff);
            lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf("Outbox relay paused for %s: %s", backoff, lastError);
        }
    }

    /** One round: relays everything unsent if this instance gets the lock. @return rows sent */
    public int relay() throws SQLException, InterruptedException, ExecutionException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!tryLock(connection)) {
                return 0;
            }
            try {
                ensureTopic();
                int sent = 0;
                while (true) {
                    List<Row> rows = unsent(connection);
                    sent += send(connection, rows);
                    if (rows.size() < config.batchSize()) {
                        return sent;
                    }
                }
            } finally {
                unlock(connection);
            }
        }
    }

    /**
     * Sends rows one by one, each acknowledged before the next leaves: if one fails (broker away longer than
     * the delivery timeout), nothing after it was sent, so a post's events can never overtake each other.
     * A post's events are few, so the round trip per event costs nothing that matters.
     */
    private int send(Connection connection, List<Row> rows) throws SQLException, InterruptedException, ExecutionException {
        int sent = 0;
        for (Row row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic, row.key,
                    row.payload.getBytes(StandardCharsets.UTF_8));
            record.headers().add("content-type", CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
            markSent(connection, row.id);
            sent++;
        }
        return sent;
    }

    private List<Row> unsent(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, topic, event_key, payload FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT ?")) {
            select.setInt(1, config.batchSize());
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3), result.getString(4)));
                }
            }
            return rows;
        }
    }

    private void markSent(Connection connection, long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE outbox_event SET sent_at = now() WHERE id = ?")) {
            update.setLong(1, id);
            update.executeUpdate();
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, config.lockKey());
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private void unlock(Connection connection) throws SQLException {
        try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, config.lockKey());
            unlock.execute();
        }
    }

    /** The topic is compacted so the last snapshot of each post is kept for consumers starting from offset 0. */
    private void ensureTopic() throws InterruptedException, ExecutionException {
        if (topicReady) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000))) {
            if (!admin.listTopics().names().get(15, TimeUnit.SECONDS).contains(config.topic())) {
                NewTopic topic = new NewTopic(config.topic(), Optional.of(config.partitions()),
                        Optional.of(config.replicationFactor()))
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                try {
                    admin.createTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
                    LOG.infof("Created compacted topic %s", config.topic());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            topicReady = true;
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ExecutionException("Kafka admin did not answer", e);
        }
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private record Row(long id, String topic, String key, String payload) {
    }
}

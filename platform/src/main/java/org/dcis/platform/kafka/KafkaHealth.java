package org.dcis.platform.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Readiness detail of the Kafka broker: reachable or not, since when, and the last error. It stays UP while the
 * broker is away: every write goes through the transactional outbox, which keeps it until the broker is back,
 * and the consumers pick up where they left; taking the API out of a load balancer would turn a delay into an
 * outage. {@code degraded} tells operators and alerts. It replaces Quarkus' Kafka check
 * ({@code quarkus.kafka.health.enabled=false}), which answers DOWN within seconds of an outage.
 *
 * <p>A background probe asks the cluster for its nodes every {@code dcis.kafka.health.interval}, so that a
 * readiness call never waits on an absent broker.
 */
@Readiness
@ApplicationScoped
public class KafkaHealth implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(KafkaHealth.class);

    private final String bootstrapServers;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread probe;

    private volatile Boolean reachable;
    private volatile int brokers;
    private volatile Instant lastReachableAt;
    private volatile Instant unreachableSince;
    private volatile String lastError;

    KafkaHealth(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "dcis.kafka.health.interval", defaultValue = "5s") Duration interval,
            @ConfigProperty(name = "dcis.kafka.health.timeout", defaultValue = "3s") Duration timeout, Clock clock) {
        this.bootstrapServers = bootstrapServers;
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
    }

    void start(@Observes StartupEvent startup) {
        probe = new Thread(this::run, "kafka-health-probe");
        probe.setDaemon(true);
        probe.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping.countDown();
    }

    @PreDestroy
    void close() {
        stopping.countDown();
        if (probe != null) {
            try {
                probe.join(timeout.plusSeconds(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        int millis = (int) timeout.toMillis();
        try (Admin client = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "dcis-kafka-health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2_000))) {
            do {
                probeOnce(client, millis);
            } while (!stopping.await(interval.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("Kafka health probe stopped: %s", e.getMessage());
        }
    }

    private void probeOnce(Admin client, int millis) throws InterruptedException {
        try {
            Collection<Node> nodes = client.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).nodes()
                    .get(millis + 1_000L, TimeUnit.MILLISECONDS);
            if (!Boolean.TRUE.equals(reachable)) {
                LOG.infof("Kafka broker reachable (%d node(s))", nodes.size());
            }
            brokers = nodes.size();
            lastReachableAt = clock.instant();
            unreachableSince = null;
            lastError = null;
            reachable = true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (!Boolean.FALSE.equals(reachable)) {
                LOG.warnf("Kafka broker not reachable: %s", cause.getMessage());
                unreachableSince = clock.instant();
            }
            brokers = 0;
            lastError = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            reachable = false;
        }
    }

    @Override
    public HealthCheckResponse call() {
        Boolean known = reachable;
        var response = HealthCheckResponse.named("Kafka broker").up()
                .withData("reachable", known == null ? "unknown" : known.toString())
                .withData("brokers", brokers)
                .withData("degraded", !Boolean.TRUE.equals(known));
        if (lastReachableAt != null) {
            response.withData("lastReachableAt", lastReachableAt.toString());
        }
        if (Boolean.FALSE.equals(known)) {
            response.withData("unreachableSince", String.valueOf(unreachableSince)).withData("lastError", lastError);
        }
        return response.build();
    }
}

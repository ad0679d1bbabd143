package org.dcis.faults;

import static org.awaitility.Awaitility.await;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.awaitility.core.ConditionTimeoutException;
import org.dcis.devstack.Archives;
import org.dcis.devstack.ManagedProcess;
import org.dcis.devstack.local.PidFile;
import org.dcis.devstack.local.Probes;
import org.dcis.devstack.local.Server;
import org.dcis.devstack.local.StackLayout;
import org.dcis.devstack.local.StackPorts;
import org.dcis.devstack.local.StackStarter;
import org.dcis.devstack.local.StackStopper;
import org.dcis.devstack.testing.KeycloakSlots;

/**
 * The assembled suite the fault runs break: PostgreSQL, Kafka, Keycloak and the three services as their
 * packaged jars, started by the devstack's launcher (the one of {@code deploy/local/run}) on free ports, with
 * its state in {@code target/fault-stack} (never {@code .devstack}, never the local stack's ports). Each
 * server runs detached in its own process group, recorded in a PID file, so that a kill, a stop and a
 * restart act on exactly one server, and the end of the run ends every process it started: when the tests
 * are done ({@link #close()}, from the root of the JUnit run), and from a shutdown hook when the JVM is
 * interrupted. A run whose JVM was killed outright leaves PID files behind; the next run ends those
 * processes before it starts.
 */
public final class FaultStack implements AutoCloseable {
    /** The gateway's rate limit is a per-caller budget for people; the fault clients are many threads of one caller. */
    static final String GATEWAY_RATE_LIMIT = "1000000";

    private static FaultStack current;

    private final StackLayout layout;
    private final StackPorts ports;
    private final StackStarter starter;
    private final StackStopper stopper;
    private final PrintStream out = System.out;
    private final Thread shutdownHook = new Thread(this::stopEverything, "fault-stack-stop");
    private boolean stopped;
    private final List<Replica> replicas = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A second instance of a service (ReplicasIT): its own ports and log, the stack's database, broker and realm. */
    record Replica(Server service, String url, String managementUrl, ManagedProcess process) {
        /** kill -9: a crash of the replica, nothing shuts down cleanly. */
        void kill() {
            process.stop("KILL", Duration.ofSeconds(10));
        }

        void stop() {
            if (process.isAlive()) {
                process.stop(Duration.ofSeconds(30));
            }
        }
    }

    /** Where the services export their spans (TracingIT reads them): the stack's own collector, in this JVM. */
    private final OtlpReceiver collector = OtlpReceiver.start();

    private FaultStack(StackLayout layout, StackPorts ports) {
        this.layout = layout;
        this.ports = ports;
        Map<String, String> tracing = Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms");
        this.starter = new StackStarter(layout, ports, System.getenv(), out).withoutWelcome()
                .withServiceEnvironment(Server.GATEWAY, with(tracing, "DCIS_GATEWAY_RATE_LIMIT_REQUESTS", GATEWAY_RATE_LIMIT))
                .withServiceEnvironment(Server.POSTS, tracing)
                // the faults' own writes and listings only: 57 000 demo writes in the background would compete with them
                .withServiceEnvironment(Server.COOPERATION, with(tracing, "DCIS_COOPERATION_DEMO_HISTORY_ENABLED", "false"));
        this.stopper = new StackStopper(layout, out);
    }

    private static Map<String, String> with(Map<String, String> settings, String key, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(settings);
        all.put(key, value);
        return all;
    }

    /** The exported messages the collector could not decode (for a failure's message). */
    List<String> unreadableExports() {
        return collector.unreadable();
    }

    /** Every span the services exported so far. */
    List<OtlpReceiver.ExportedSpan> exportedSpans() {
        return collector.spans();
    }

    /** The stack of this JVM, started on first use; never started again once stopped (the end of the run). */
    static synchronized FaultStack get() {
        if (current == null) {
            current = start();
        }
        if (current.stopped) {
            throw new IllegalStateException("the fault stack was stopped: the run is over");
        }
        return current;
    }

    private static FaultStack start() {
        Path repository = Path.of(required("dcis.faults.repository")).toAbsolutePath().normalize();
        Path state = Path.of(required("dcis.faults.state")).toAbsolutePath().normalize();
        // What a run whose JVM was killed left running: only processes its PID files name (PID, start time, marker).
        new StackStopper(new StackLayout(repository, state), System.out).stopAll();
        Archives.deleteTree(state);
        StackLayout layout = StackLayout.at(repository, state, KeycloakSlots.acquire("keycloak-test-slots"));
        FaultStack stack = new FaultStack(layout, StackPorts.free());
        System.out.printf("%n[fault-stack] starting the assembled suite in %s (Keycloak from %s)%n", state,
                layout.keycloakInstall());
        stack.starter.preflight();
        long began = System.nanoTime();
        // If the JVM is interrupted during the start, the starter's own hook stops what it started.
        stack.starter.start();
        Runtime.getRuntime().addShutdownHook(stack.shutdownHook);
        System.out.printf("[fault-stack] up in %d s: gateway %s, posts-service %s, cooperation-service %s, Keycloak %s, "
                + "PostgreSQL 127.0.0.1:%d, Kafka %s; logs in %s%n", Duration.ofNanos(System.nanoTime() - began).toSeconds(),
                stack.gateway(), stack.url(Server.POSTS), stack.url(Server.COOPERATION), stack.keycloak(),
                stack.ports.of(Server.POSTGRES), stack.kafkaBootstrap(), layout.logs());
        return stack;
    }

    String gateway() {
        return url(Server.GATEWAY);
    }

    String keycloak() {
        return url(Server.KEYCLOAK);
    }

    /** The service's own address (around the gateway), for zero-trust checks and its management endpoints. */
    /** Where a service serves its health and metrics (its management port); the others' only port. */
    String managementUrl(Server server) {
        return "http://localhost:" + ports.probe(server);
    }

    String url(Server server) {
        return "http://localhost:" + ports.of(server);
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + ports.of(Server.KAFKA);
    }

    Path log(Server server) {
        return layout.log(server);
    }

    /** Starts a second instance of posts-service or cooperation-service; returns once it is ready. */
    Replica startReplica(Server service) {
        int port = org.dcis.devstack.Ports.free();
        int management = org.dcis.devstack.Ports.free();
        ManagedProcess process = starter.startReplica(service, port, management,
                layout.logs().resolve(service.id() + "-replica.log"));
        Replica replica = new Replica(service, "http://localhost:" + port, "http://localhost:" + management, process);
        replicas.add(replica);
        return replica;
    }

    /** The PID of the running server, as its PID file records it. */
    long pid(Server server) {
        return live(server).map(PidFile::pid)
                .orElseThrow(() -> new IllegalStateException(server.displayName() + " is not running"));
    }

    boolean running(Server server) {
        return live(server).isPresent();
    }

    private Optional<PidFile> live(Server server) {
        return PidFile.read(server, layout.pidFile(server)).filter(PidFile::isOurLiveProcess);
    }

    /** kill -9 of the server's whole process group: a crash, nothing shuts down cleanly. */
    PidFile kill(Server server) {
        return stopper.kill(server);
    }

    /** The server's own clean stop (SIGINT for PostgreSQL's fast shutdown, SIGTERM for the others). */
    void stop(Server server) {
        stopper.stop(server);
    }

    /** Starts the server again on its port with its data; returns once it answers its readiness probe. */
    void restart(Server server) {
        starter.restart(server);
    }

    boolean ready(Server server) {
        return Probes.ready(server, ports.probe(server));
    }

    /**
     * Before each scenario: whatever an earlier, failed scenario left stopped is started again, then every
     * server must answer its readiness probe. A scenario therefore starts on a whole, healthy suite.
     */
    synchronized void ensureHealthy() {
        for (Server server : Server.values()) {
            if (!running(server)) {
                out.printf("[fault-stack] %s is not running (left so by an earlier scenario): starting it again%n",
                        server.displayName());
                restart(server);
            }
        }
        Set<Server> all = EnumSet.allOf(Server.class);
        try {
            await("every server of the fault stack ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> all.stream().allMatch(this::ready));
        } catch (ConditionTimeoutException e) {
            // Running but not ready for half a minute (e.g. a consumer an earlier fault left dead): start it afresh.
            for (Server server : Server.values()) {
                if (!ready(server)) {
                    out.printf("[fault-stack] %s is running but not ready (left so by an earlier scenario): restarting it%s%n",
                            server.displayName(), server.isService() ? "; " + Readiness.of(server).summary() : "");
                    stop(server);
                    restart(server);
                }
            }
            await("every server of the fault stack ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> all.stream().allMatch(this::ready));
        }
    }

    /** Starts the server again if a scenario left it stopped (its fault, or its failure before it could restore it). */
    void restoreIfStopped(Server server) {
        if (!running(server)) {
            out.printf("[fault-stack] restoring %s%n", server.displayName());
            restart(server);
        }
    }

    /** After the last test: every process this stack started, in the reverse start order. */
    @Override
    public void close() {
        stopEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook runs (or ran) the same stop
        }
    }

    private synchronized void stopEverything() {
        if (stopped) {
            return;
        }
        stopped = true;
        out.println("[fault-stack] stopping every server it started");
        replicas.forEach(Replica::stop);
        collector.close();
        int count = stopper.stopAll();
        out.printf("[fault-stack] stopped %d server(s); logs kept in %s%n", count, layout.logs());
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (run through Maven: "
                    + "./mvnw verify -pl deploy/devstack,deploy/faults)");
        }
        return value;
    }
}

package org.dcis.devstack.local;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.dcis.devstack.Archives;
import org.dcis.devstack.DevstackException;
import org.dcis.devstack.DevstackHome;
import org.dcis.devstack.KeycloakServer;
import org.dcis.devstack.ManagedProcess;
import org.dcis.devstack.PostgresServer;
import org.dcis.devstack.Ports;

/**
 * Starts the whole suite, detached, and returns once every server answers its readiness probe.
 * When one fails, everything already started is stopped again and the error names the server and
 * quotes its log: a half-started stack is never left behind.
 */
public final class StackStarter {
    private static final Duration KAFKA_READY = Duration.ofMinutes(2);
    private static final Duration SERVICE_READY = Duration.ofMinutes(3);

    /**
     * The services' JVM options unless {@code DCIS_SERVICE_JAVA_OPTS} says otherwise: a 384 MB heap, the Serial
     * collector and a small initial heap. For these single-digit-thread services on small heaps, G1's fixed costs
     * (remembered sets, its young generation sized from the machine's memory, its concurrent threads) cost 40-50 MB
     * of idle RSS and start-up CPU for nothing (deploy/bench/README.md, "Start-up and footprint").
     */
    static final String DEFAULT_SERVICE_JAVA_OPTS = "-Xmx384m -XX:+UseSerialGC -Xms32m";
    static final String APPCDS_ARCHIVE = "app-cds.jsa";

    private final StackLayout layout;
    private final StackPorts ports;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final Map<Server, Map<String, String>> serviceSettings = new java.util.EnumMap<>(Server.class);
    private boolean welcome = true;
    private volatile boolean finished;
    private volatile boolean interrupted;
    private final CountDownLatch settled = new CountDownLatch(1);
    private long began;

    public StackStarter(StackLayout layout, StackPorts ports, Map<String, String> environment, PrintStream out) {
        this.layout = layout;
        this.ports = ports;
        this.environment = environment;
        this.out = out;
    }

    /**
     * Extra environment for one service, on top of (and overriding) what the launcher gives it, e.g. a
     * test stack's own limits. Applies to the next start or {@link #restart} of that service.
     */
    public StackStarter withServiceEnvironment(Server service, Map<String, String> settings) {
        if (!service.isService()) {
            throw new IllegalArgumentException(service.displayName() + " is not one of the services");
        }
        serviceSettings.computeIfAbsent(service, s -> new LinkedHashMap<>()).putAll(settings);
        return this;
    }

    /**
     * No welcome text after the start: for a stack that is not the local one (its demo commands, status and
     * stop would name the wrong stack).
     */
    public StackStarter withoutWelcome() {
        welcome = false;
        return this;
    }

    public StackLayout layout() {
        return layout;
    }

    public StackPorts ports() {
        return ports;
    }

    /** Refuses to start when a port is taken or a build output is missing, before anything runs. */
    public void preflight() {
        List<String> problems = new ArrayList<>();
        for (Server service : List.of(Server.POSTS, Server.COOPERATION, Server.GATEWAY)) {
            if (!Files.isRegularFile(layout.serviceJar(service))) {
                problems.add(layout.show(layout.serviceJar(service)) + " is missing: build with deploy/local/run --build");
            }
        }
        if (!Files.isRegularFile(layout.realmFile())) {
            problems.add("the realm file " + layout.realmFile() + " is missing");
        }
        if (!Files.isExecutable(layout.keycloakInstall().resolve("bin/kc.sh"))) {
            try {
                DevstackHome.keycloakZip();
            } catch (DevstackException e) {
                problems.add(e.getMessage());
            }
        }
        for (Map.Entry<Integer, String> port : ports.allWithVariables().entrySet()) {
            List<Long> holders = Procs.listeners(port.getKey());
            if (Ports.isListening(port.getKey()) || !holders.isEmpty()) {
                problems.add("port " + port.getKey() + " (" + owner(port.getValue()) + ") is already taken"
                        + describe(holders) + ". Stop that process, or choose another port: "
                        + port.getValue() + "=<port> deploy/local/run");
            }
        }
        if (!problems.isEmpty()) {
            throw new StackException("Cannot start the local stack:\n  - " + String.join("\n  - ", problems));
        }
    }

    public void start() {
        began = System.nanoTime();
        rotateLogs();
        Thread abandonOnInterrupt = new Thread(this::abandonIfUnfinished, "local-stack-abandon");
        Runtime.getRuntime().addShutdownHook(abandonOnInterrupt);
        CompletableFuture<Void> keycloak = CompletableFuture.completedFuture(null);
        try {
            // Keycloak is by far the slowest; it boots while PostgreSQL and Kafka come up.
            keycloak = CompletableFuture.runAsync(this::startKeycloak);
            startPostgres();
            startKafka();
            await(keycloak);
            List<Server> order = List.of(Server.POSTS, Server.COOPERATION, Server.GATEWAY);
            List<ManagedProcess> services = new ArrayList<>();
            for (Server service : order) {
                services.add(startService(service));
            }
            for (int i = 0; i < services.size(); i++) {
                Server service = order.get(i);
                services.get(i).awaitReady(() -> Probes.ready(service, ports.probe(service)), SERVICE_READY);
                out.printf("  %-20s ready on port %d %s%n", service.displayName(), ports.of(service), elapsed());
            }
            finished = true;
            Runtime.getRuntime().removeShutdownHook(abandonOnInterrupt);
        } catch (RuntimeException e) {
            if (!interrupted) {
                out.println();
                out.println(e.getMessage());
                firstError(e.getMessage()).ifPresent(line -> out.println("\nFirst error logged: " + line));
                out.println("\nStart failed; stopping what was started.");
            }
            cleanUp(keycloak);
            finished = true;
            throw new StackException(interrupted ? "Interrupted: the local stack was not started; nothing of it is left running."
                    : "The local stack did not start (see above); nothing of it is left running. "
                    + "Fix the cause, then run deploy/local/run again.", e);
        } finally {
            settled.countDown();
        }
        if (welcome) {
            new Welcome(layout, ports).print(out, Duration.ofNanos(System.nanoTime() - began));
        }
    }

    /**
     * Starts one server of a running stack again, after it was stopped or killed: on its port, with its
     * data (PostgreSQL's cluster, Kafka's log) and its settings, recorded in a new PID file; returns once
     * it answers its readiness probe (a service: its readiness, so what it needs must be up).
     */
    public void restart(Server server) {
        if (PidFile.read(server, layout.pidFile(server)).filter(PidFile::isOurLiveProcess).isPresent()) {
            throw new StackException(server.displayName() + " is running already: stop or kill it before a restart");
        }
        began = System.nanoTime();
        switch (server) {
            case POSTGRES -> startPostgres();
            case KAFKA -> startKafka();
            case KEYCLOAK -> startKeycloak();
            case POSTS, COOPERATION, GATEWAY -> {
                ManagedProcess process = startService(server);
                process.awaitReady(() -> Probes.ready(server, ports.probe(server)), SERVICE_READY);
                out.printf("  %-20s ready on port %d %s%n", server.displayName(), ports.of(server), elapsed());
            }
        }
    }

    /**
     * A second instance of a running service (posts-service or cooperation-service), as a cluster runs replicas: the
     * same jar, database, broker, realm and settings, on its own API and management ports and its own log. It gets
     * no PID file of the stack: its caller owns it (stops or kills it through the returned process). Returns once it
     * answers its readiness probe.
     */
    public ManagedProcess startReplica(Server service, int port, int managementPort, Path log) {
        if (!service.hasManagementPort()) {
            throw new StackException("only posts-service and cooperation-service run replicas here, not "
                    + service.displayName());
        }
        List<String> command = serviceCommand(service);
        Map<String, String> env = serviceEnvironment(service);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        ManagedProcess process = ManagedProcess.start(service.displayName() + " (replica)", command, env,
                layout.serviceJar(service).getParent(), log, true);
        process.awaitReady(() -> Probes.ready(service, managementPort), SERVICE_READY);
        out.printf("  %-20s replica ready on port %d (management %d)%n", service.displayName(), port, managementPort);
        return process;
    }

    /**
     * Keycloak may still be booting in its own thread: stopping its process makes that start fail
     * fast; once the thread is done nothing new can appear, and a last sweep ends whatever did.
     */
    private void cleanUp(CompletableFuture<Void> keycloak) {
        abandon();
        try {
            keycloak.get(5, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            // its failure is expected here; the sweep below stops whatever it started
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        abandon();
    }

    /** Checked before each launch, under the lock {@link #abandon()} holds: nothing is launched after an interrupt. */
    private void ensureNotInterrupted() {
        if (interrupted) {
            throw new StackException("Interrupted");
        }
    }

    private void startPostgres() {
        ensureNotInterrupted();
        int port = ports.of(Server.POSTGRES);
        PostgresServer postgres = PostgresServer.start(new PostgresServer.Settings(layout.postgresData(), port,
                layout.log(Server.POSTGRES), true, true));
        synchronized (this) {
            record(Server.POSTGRES, postgres.process(), port);
        }
        ensureNotInterrupted();
        postgres.ensureDatabase("posts", "posts", "posts");
        postgres.ensureDatabase("cooperation", "cooperation", "cooperation");
        out.printf("  %-20s ready on port %d (databases posts, cooperation) %s%n", "PostgreSQL", port, elapsed());
    }

    private void startKafka() {
        int port = ports.of(Server.KAFKA);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(javaOptions("DCIS_KAFKA_JAVA_OPTS", "-Xms64m -Xmx512m"));
        command.addAll(List.of(
                // slf4j-simple is the launcher's logging; the optional test libraries bring another binding.
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-Dslf4j.internal.verbosity=WARN",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dorg.slf4j.simpleLogger.showDateTime=true",
                "-cp", System.getProperty("java.class.path"),
                "org.dcis.devstack.KafkaBroker",
                layout.kafkaData().toString(), Integer.toString(port), Integer.toString(ports.kafkaController())));
        createDirectories(layout.kafkaData());
        ManagedProcess kafka;
        synchronized (this) {
            ensureNotInterrupted();
            kafka = ManagedProcess.start("Kafka", command, Map.of(), layout.state(), layout.log(Server.KAFKA), true);
            record(Server.KAFKA, kafka, port);
        }
        kafka.awaitReady(() -> Probes.kafkaAnswers(port), KAFKA_READY);
        out.printf("  %-20s ready on port %d (controller %d) %s%n", "Kafka", port, ports.kafkaController(), elapsed());
    }

    private void startKeycloak() {
        ensureNotInterrupted();
        int port = ports.of(Server.KEYCLOAK);
        // An install copy (or its first rebuild) cut short by an interrupt looks complete to
        // KeycloakServer; only a copy that once became ready is trusted, any other is made afresh.
        if (Files.exists(layout.keycloakInstall()) && !Files.exists(layout.keycloakInstallProven())) {
            Archives.deleteTree(layout.keycloakInstall());
        }
        KeycloakServer keycloak = KeycloakServer.start(new KeycloakServer.Settings(layout.keycloakInstall(), port,
                layout.log(Server.KEYCLOAK), layout.realmFile(), true));
        synchronized (this) {
            record(Server.KEYCLOAK, keycloak.process(), port);
        }
        KeycloakServer.markInstallProven(layout.keycloakInstall());
        ensureNotInterrupted();
        out.printf("  %-20s ready on port %d (realm dcis) %s%n", "Keycloak", port, elapsed());
    }

    private ManagedProcess startService(Server service) {
        int port = ports.of(service);
        List<String> command = serviceCommand(service);
        synchronized (this) {
            ensureNotInterrupted();
            ManagedProcess process = ManagedProcess.start(service.displayName(), command, serviceEnvironment(service),
                    layout.serviceJar(service).getParent(), layout.log(service), true);
            record(service, process, port);
            return process;
        }
    }

    List<String> serviceCommand(Server service) {
        List<String> command = new ArrayList<>();
        // The stack's own port variables must not leak into the services' configuration.
        command.add("env");
        for (Server server : Server.values()) {
            command.addAll(List.of("-u", server.portVariable()));
        }
        command.addAll(List.of("-u", StackPorts.KAFKA_CONTROLLER_VARIABLE));
        command.add(javaExecutable());
        List<String> options = javaOptions("DCIS_SERVICE_JAVA_OPTS", DEFAULT_SERVICE_JAVA_OPTS);
        command.addAll(options);
        // The AppCDS archive the build writes beside the jar (quarkus.package.jar.appcds.enabled, root pom): classes
        // of Quarkus' boot read from a mapped archive instead of loaded, verified and linked at every start. It names
        // the jar by a path relative to its directory, which is the service's working directory (startService). A
        // JDK other than the build's ignores it (-Xshare:auto) and starts as without it.
        Path archive = layout.serviceJar(service).resolveSibling(APPCDS_ARCHIVE);
        if (Files.isRegularFile(archive) && options.stream().noneMatch(o -> o.startsWith("-XX:SharedArchiveFile")
                || o.startsWith("-Xshare") || o.startsWith("-XX:ArchiveClassesAtExit"))) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-jar", layout.serviceJar(service).toString()));
        return command;
    }

    /** The standard Quarkus variables every service reads (see each application.properties). */
    Map<String, String> serviceEnvironment(Server service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.of(service)));
        if (service.hasManagementPort()) {
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(ports.probe(service)));
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        }
        // Like PostgreSQL, Kafka and Keycloak: a developer's stack is not reachable from the network.
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", "http://localhost:" + ports.of(Server.KEYCLOAK) + "/realms/dcis");
        if (service == Server.GATEWAY) {
            env.put("DCIS_GATEWAY_POSTS_URL", "http://localhost:" + ports.of(Server.POSTS));
            env.put("DCIS_GATEWAY_COOPERATION_URL", "http://localhost:" + ports.of(Server.COOPERATION));
            env.put("DCIS_GATEWAY_POSTS_MANAGEMENT_URL", "http://localhost:" + ports.probe(Server.POSTS));
            env.put("DCIS_GATEWAY_COOPERATION_MANAGEMENT_URL", "http://localhost:" + ports.probe(Server.COOPERATION));
            // The web app's cookies go without Secure on this plain-HTTP localhost stack only.
            env.put("DCIS_GATEWAY_WEB_SECURE_COOKIES", "false");
            env.putAll(serviceSettings.getOrDefault(service, Map.of()));
            return env;
        }
        String database = service == Server.POSTS ? "posts" : "cooperation";
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + ports.of(Server.POSTGRES) + "/" + database);
        env.put("QUARKUS_DATASOURCE_USERNAME", database);
        env.put("QUARKUS_DATASOURCE_PASSWORD", database);
        env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.of(Server.KAFKA));
        if (service == Server.POSTS) {
            env.put("DCIS_POSTS_DEMO_DATA_ENABLED", "true");
        }
        if (service == Server.COOPERATION) {
            // five years of cases and actions on the demo network, loaded once the directory knows its posts
            env.put("DCIS_COOPERATION_DEMO_HISTORY_ENABLED", "true");
        }
        env.putAll(serviceSettings.getOrDefault(service, Map.of()));
        return env;
    }

    /** The first line that looks like an error in the failed server's log: the cause, before the stack trace. */
    private java.util.Optional<String> firstError(String failure) {
        for (Server server : Server.values()) {
            if (failure == null || !failure.startsWith(server.displayName())) {
                continue;
            }
            try (var lines = Files.lines(layout.log(server))) {
                var hit = lines.filter(l -> l.contains(" ERROR ") || l.contains("FATAL") || l.startsWith("Error"))
                        .findFirst();
                if (hit.isPresent()) {
                    return java.util.Optional.of(layout.show(layout.log(server)) + ": " + abbreviate(hit.get()));
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // no log yet for a server that was not reached
            }
        }
        return java.util.Optional.empty();
    }

    /** Seconds since the start began: the figures deploy/local/README.md quotes. */
    private String elapsed() {
        return "after " + Duration.ofNanos(System.nanoTime() - began).toSeconds() + " s";
    }

    private void record(Server server, ManagedProcess process, int port) {
        PidFile.of(server, process.pid(), port, ports.probe(server), layout.marker(server), process.logFile())
                .write(layout.pidFile(server));
    }

    private void await(CompletableFuture<Void> start) {
        try {
            start.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Ctrl-C or SIGTERM during the start: the JVM runs this hook while the start thread goes on, so
     * the hook forbids new launches, stops what runs (which makes every wait fail fast), then waits
     * for the start thread to clean up and give up.
     */
    private void abandonIfUnfinished() {
        if (finished) {
            return;
        }
        interrupted = true;
        out.println();
        out.println("Interrupted: stopping what was started.");
        abandon();
        try {
            settled.await(6, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops the recorded servers, then any server still waiting for readiness (not recorded yet,
     * but a child of this JVM).
     */
    private synchronized void abandon() {
        new StackStopper(layout, out).stopAll();
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            String signal = Procs.commandLine(child.pid()).contains(layout.postgresData().toString()) ? "INT" : "TERM";
            ManagedProcess.attach("child " + child.pid(), child.pid(), layout.logs())
                    .ifPresent(process -> process.stop(signal, Duration.ofSeconds(30)));
        }
    }

    /** Each start gets a fresh log (the previous one is kept as .log.1) so an error quotes this run only. */
    private void rotateLogs() {
        createDirectories(layout.logs());
        for (Server server : Server.values()) {
            Path log = layout.log(server);
            if (Files.exists(log)) {
                try {
                    Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new StackException("Could not rotate " + log + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private List<String> javaOptions(String variable, String fallback) {
        String value = environment.getOrDefault(variable, fallback);
        return List.of(value.trim().split("\\s+")).stream().filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String owner(String variable) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Server server : Server.values()) {
            names.put(server.portVariable(), server.displayName());
        }
        names.put(StackPorts.KAFKA_CONTROLLER_VARIABLE, "Kafka controller");
        return names.get(variable);
    }

    private static String describe(List<Long> holders) {
        if (holders.isEmpty()) {
            return "";
        }
        return " by " + holders.stream().map(pid -> "pid " + pid + " (" + abbreviate(Procs.commandLine(pid)) + ")")
                .collect(Collectors.joining(", "));
    }

    private static String abbreviate(String commandLine) {
        return commandLine.length() <= 200 ? commandLine : commandLine.substring(0, 197) + "...";
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException("Could not create " + dir + ": " + e.getMessage(), e);
        }
    }
}

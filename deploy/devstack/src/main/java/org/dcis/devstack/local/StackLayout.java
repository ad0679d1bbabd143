package org.dcis.devstack.local;

import java.nio.file.Path;

/**
 * Where the local stack keeps its state, under {@code .devstack/} at the repository root:
 * {@code data/} (PostgreSQL cluster, Kafka log: survive restarts, wiped by {@code run --reset}),
 * {@code keycloak/} (Keycloak's own install copy; its database is in memory), {@code logs/},
 * {@code pids/} (one PID file per running server).
 * <p>
 * Another stack of the same repository (the fault runs of {@code deploy/faults}) keeps its state in a
 * folder of its own ({@link #at}), so it never touches {@code .devstack} nor a running local stack, and
 * may run Keycloak from an install copy kept elsewhere (a reused, already rebuilt one).
 */
public record StackLayout(Path repository, Path state, Path keycloakInstall) {
    public StackLayout {
        repository = repository.toAbsolutePath().normalize();
        state = state.toAbsolutePath().normalize();
        keycloakInstall = keycloakInstall.toAbsolutePath().normalize();
    }

    /** State in {@code state}, Keycloak's install copy in {@code state/keycloak}. */
    public StackLayout(Path repository, Path state) {
        this(repository, state, state.resolve("keycloak"));
    }

    /** The local stack of {@code deploy/local/run}: {@code .devstack/} at the repository root. */
    public static StackLayout of(Path repository) {
        Path root = repository.toAbsolutePath().normalize();
        return new StackLayout(root, root.resolve(".devstack"));
    }

    /** A stack of the same repository with its state elsewhere and Keycloak run from {@code keycloakInstall}. */
    public static StackLayout at(Path repository, Path state, Path keycloakInstall) {
        return new StackLayout(repository, state, keycloakInstall);
    }

    public Path postgresData() {
        return state.resolve("data/postgres");
    }

    public Path kafkaData() {
        return state.resolve("data/kafka");
    }

    /**
     * Written once Keycloak has started from {@link #keycloakInstall()}: the copy is complete. It sits next
     * to the copy ({@code .devstack/keycloak.ready} for the local stack), so whoever reuses a copy knows.
     */
    public Path keycloakInstallProven() {
        return org.dcis.devstack.KeycloakServer.installProof(keycloakInstall);
    }

    public Path logs() {
        return state.resolve("logs");
    }

    public Path log(Server server) {
        return logs().resolve(server.id() + ".log");
    }

    public Path pids() {
        return state.resolve("pids");
    }

    public Path pidFile(Server server) {
        return pids().resolve(server.id() + ".pid");
    }

    public Path realmFile() {
        return repository.resolve("deploy/keycloak/dcis-realm.json");
    }

    /** The runnable jar the Quarkus build leaves in a service module. */
    public Path serviceJar(Server service) {
        return repository.resolve(service.id()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /**
     * A string only our process of this server has on its command line (a path under this
     * repository): with the start time it tells our process from an unrelated one with a recycled PID.
     */
    public String marker(Server server) {
        return switch (server) {
            case POSTGRES -> postgresData().toString();
            case KAFKA -> kafkaData().toString();
            case KEYCLOAK -> keycloakInstall().toString();
            case POSTS, COOPERATION, GATEWAY -> serviceJar(server).toString();
        };
    }

    /** For messages: paths under the repository are shown relative to it. */
    public String show(Path path) {
        return path.startsWith(repository) ? repository.relativize(path).toString() : path.toString();
    }
}

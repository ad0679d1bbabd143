package org.dcis.devstack.local;

import java.time.Duration;

/** The servers of the local stack, in start order; they are stopped in the reverse order. */
public enum Server {
    POSTGRES("PostgreSQL", "postgres", "DCIS_POSTGRES_PORT", 5432, "INT", Duration.ofSeconds(30)),
    KAFKA("Kafka", "kafka", "DCIS_KAFKA_PORT", 9092, "TERM", Duration.ofSeconds(30)),
    KEYCLOAK("Keycloak", "keycloak", "DCIS_KEYCLOAK_PORT", 8180, "TERM", Duration.ofSeconds(30)),
    POSTS("posts-service", "posts-service", "DCIS_POSTS_PORT", 8081, "TERM", Duration.ofSeconds(20),
            "DCIS_POSTS_MANAGEMENT_PORT", 9081),
    COOPERATION("cooperation-service", "cooperation-service", "DCIS_COOPERATION_PORT", 8082, "TERM",
            Duration.ofSeconds(20), "DCIS_COOPERATION_MANAGEMENT_PORT", 9082),
    GATEWAY("gateway", "gateway", "DCIS_GATEWAY_PORT", 8080, "TERM", Duration.ofSeconds(20));

    private final String displayName;
    private final String id;
    private final String portVariable;
    private final int defaultPort;
    private final String stopSignal;
    private final Duration stopGrace;
    private final String managementPortVariable;
    private final int defaultManagementPort;

    Server(String displayName, String id, String portVariable, int defaultPort, String stopSignal, Duration stopGrace) {
        this(displayName, id, portVariable, defaultPort, stopSignal, stopGrace, null, 0);
    }

    Server(String displayName, String id, String portVariable, int defaultPort, String stopSignal, Duration stopGrace,
            String managementPortVariable, int defaultManagementPort) {
        this.managementPortVariable = managementPortVariable;
        this.defaultManagementPort = defaultManagementPort;
        this.displayName = displayName;
        this.id = id;
        this.portVariable = portVariable;
        this.defaultPort = defaultPort;
        this.stopSignal = stopSignal;
        this.stopGrace = stopGrace;
    }

    public String displayName() {
        return displayName;
    }

    /** File-name friendly id: the PID file and the log are named after it. */
    public String id() {
        return id;
    }

    public String portVariable() {
        return portVariable;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /**
     * PostgreSQL gets SIGINT (fast shutdown: SIGTERM would wait for every client to disconnect);
     * the JVMs and Keycloak's launcher script end cleanly on SIGTERM.
     */
    public String stopSignal() {
        return stopSignal;
    }

    public Duration stopGrace() {
        return stopGrace;
    }

    /**
     * The services serve health and metrics on a management port of their own, never on the API port the
     * gateway relays to; the gateway and the infrastructure have none.
     */
    public boolean hasManagementPort() {
        return managementPortVariable != null;
    }

    public String managementPortVariable() {
        return managementPortVariable;
    }

    public int defaultManagementPort() {
        return defaultManagementPort;
    }

    public boolean isService() {
        return this == POSTS || this == COOPERATION || this == GATEWAY;
    }
}

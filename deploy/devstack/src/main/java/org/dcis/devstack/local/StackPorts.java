package org.dcis.devstack.local;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ports of the local stack: the defaults of docs/conventions.md, each overridable by an
 * environment variable ({@code DCIS_GATEWAY_PORT}, ...). Kafka also needs a controller port, and each
 * service a management port (health and metrics: {@code DCIS_POSTS_MANAGEMENT_PORT}, ...).
 */
public record StackPorts(Map<Server, Integer> ports, int kafkaController, Map<Server, Integer> management) {
    public static final String KAFKA_CONTROLLER_VARIABLE = "DCIS_KAFKA_CONTROLLER_PORT";
    public static final int DEFAULT_KAFKA_CONTROLLER = 9093;

    public StackPorts {
        ports = Map.copyOf(ports);
        management = Map.copyOf(management);
    }

    /** Reads the overrides; a value that is not a usable port, or two servers on one port, is refused with the variable named. */
    public static StackPorts from(Map<String, String> environment) {
        Map<Server, Integer> ports = new EnumMap<>(Server.class);
        for (Server server : Server.values()) {
            ports.put(server, parse(environment, server.portVariable(), server.defaultPort()));
        }
        int controller = parse(environment, KAFKA_CONTROLLER_VARIABLE, DEFAULT_KAFKA_CONTROLLER);
        Map<Server, Integer> management = new EnumMap<>(Server.class);
        for (Server server : Server.values()) {
            if (server.hasManagementPort()) {
                management.put(server, parse(environment, server.managementPortVariable(), server.defaultManagementPort()));
            }
        }
        Map<Integer, String> owners = new LinkedHashMap<>();
        for (Server server : Server.values()) {
            claim(owners, ports.get(server), server.portVariable());
            if (server.hasManagementPort()) {
                claim(owners, management.get(server), server.managementPortVariable());
            }
        }
        claim(owners, controller, KAFKA_CONTROLLER_VARIABLE);
        return new StackPorts(ports, controller, management);
    }

    /**
     * Every server on a port that was free a moment ago, all different: a stack that must never meet the
     * local stack's ports nor another stack running on this machine (the fault runs of deploy/faults).
     */
    public static StackPorts free() {
        Map<Server, Integer> ports = new EnumMap<>(Server.class);
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        Map<Server, Integer> management = new EnumMap<>(Server.class);
        for (Server server : Server.values()) {
            ports.put(server, distinctFreePort(taken));
            if (server.hasManagementPort()) {
                management.put(server, distinctFreePort(taken));
            }
        }
        return new StackPorts(ports, distinctFreePort(taken), management);
    }

    private static int distinctFreePort(java.util.Set<Integer> taken) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = org.dcis.devstack.Ports.free();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new StackException("No free TCP port found that differs from " + taken);
    }

    public int of(Server server) {
        return ports.get(server);
    }

    /** Where a server's readiness is asked: a service's management port, else its only port. */
    public int probe(Server server) {
        return management.getOrDefault(server, of(server));
    }

    /** Every port the stack listens on, with the variable that moves it, in start order. */
    public Map<Integer, String> allWithVariables() {
        Map<Integer, String> all = new LinkedHashMap<>();
        for (Server server : Server.values()) {
            all.put(of(server), server.portVariable());
            if (server.hasManagementPort()) {
                all.put(management.get(server), server.managementPortVariable());
            }
            if (server == Server.KAFKA) {
                all.put(kafkaController, KAFKA_CONTROLLER_VARIABLE);
            }
        }
        return all;
    }

    private static int parse(Map<String, String> environment, String variable, int fallback) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new StackException(variable + "=" + value + " is not a TCP port (1-65535)");
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StackException(variable + "=" + value + " is not a TCP port (1-65535)");
        }
    }

    private static void claim(Map<Integer, String> owners, int port, String variable) {
        String previous = owners.putIfAbsent(port, variable);
        if (previous != null) {
            throw new StackException(variable + " and " + previous + " both ask for port " + port
                    + "; give each server its own port");
        }
    }
}

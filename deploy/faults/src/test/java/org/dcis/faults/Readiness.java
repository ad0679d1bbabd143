package org.dcis.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.dcis.devstack.local.Server;

import com.fasterxml.jackson.databind.JsonNode;

/** What a service's readiness endpoint says (on its management port: the gateway never relays management paths). */
record Readiness(Server service, int httpStatus, String status, List<Check> checks, String failure) {
    static final String RELAY_CHECK = "Outbox relay";

    record Check(String name, String status, JsonNode data) {
        @Override
        public String toString() {
            return name + " " + status + (data == null || data.isMissingNode() || data.isEmpty() ? "" : " " + data);
        }
    }

    static Readiness of(Server service) {
        return at(service, FaultStack.get().managementUrl(service));
    }

    /** The readiness of one instance of the service (a replica has its own management address). */
    static Readiness at(Server service, String managementUrl) {
        Http.Answer answer = Http.get(managementUrl + "/q/health/ready", null);
        if (!answer.answered()) {
            return new Readiness(service, -1, "NO ANSWER", List.of(), answer.failure());
        }
        JsonNode json = answer.json();
        List<Check> checks = new ArrayList<>();
        for (JsonNode check : json.path("checks")) {
            checks.add(new Check(check.path("name").asText(), check.path("status").asText(), check.path("data")));
        }
        return new Readiness(service, answer.status(), json.path("status").asText("?"), checks, null);
    }

    boolean up() {
        return "UP".equals(status);
    }

    Optional<Check> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The outbox relay's check: UP, with its lag and whether it is degraded. */
    Optional<Check> relay() {
        return check(RELAY_CHECK);
    }

    long unsent() {
        return relay().map(c -> c.data().path("unsent").asLong(-1)).orElse(-1L);
    }

    /** This instance's relay holds the relay lock: it is the one sending the outbox. */
    boolean activeRelay() {
        return relay().map(c -> c.data().path("activeRelay").asBoolean(false)).orElse(false);
    }

    boolean relayDegraded() {
        return relay().map(c -> c.data().path("degraded").asBoolean(false)).orElse(false);
    }

    /** One line: the overall status and each check's. */
    String summary() {
        if (failure != null) {
            return service.displayName() + " readiness: no answer (" + failure + ")";
        }
        StringBuilder line = new StringBuilder(service.displayName() + " readiness " + status + " (HTTP " + httpStatus + "):");
        for (Check check : checks) {
            line.append("\n      ").append(check);
        }
        return line.toString();
    }
}

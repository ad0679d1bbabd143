package org.dcis.cooperation.event;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness detail of the relay: how far behind Kafka the outbox is, and the last failure. */
@Readiness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {
    private final OutboxRelay relay;

    OutboxRelayHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.Status status = relay.status();
        var response = HealthCheckResponse.named("Outbox relay")
                .status(status.healthy())
                .withData("enabled", status.enabled())
                .withData("activeRelay", status.active())
                .withData("unsent", status.unsent())
                .withData("lagSeconds", String.valueOf(status.lagSeconds()));
        if (status.lastError() != null) {
            response.withData("lastError", status.lastError()).withData("lastErrorAt", String.valueOf(status.lastErrorAt()));
        }
        return response.build();
    }
}

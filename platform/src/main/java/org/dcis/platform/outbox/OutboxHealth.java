package org.dcis.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail of the relay: how far behind Kafka the outbox is, and the last failure. It stays UP while
 * the broker is away or the lag grows: writes still succeed and wait in the outbox, which exists precisely
 * so that the API keeps answering; taking instances out of a load balancer would turn a delay into an
 * outage. {@code degraded} says so to operators and alerts.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {
    private final OutboxRelay relay;

    OutboxHealth(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxRelay.Status status = relay.status();
        var response = HealthCheckResponse.named("Outbox relay")
                .up()
                .withData("enabled", status.enabled())
                .withData("activeRelay", status.active())
                .withData("unsent", status.unsent())
                .withData("lagSeconds", String.valueOf(status.lagSeconds()))
                .withData("degraded", status.degraded());
        if (status.lastError() != null) {
            response.withData("lastError", status.lastError()).withData("lastErrorAt", String.valueOf(status.lastErrorAt()));
        }
        return response.build();
    }
}

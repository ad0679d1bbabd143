package org.dcis.posts.event;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox lag. It stays UP while the broker is away: writes still succeed and wait in the
 * outbox, so taking the instance out of service would only turn a delay into an outage.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {
    private final OutboxLag lag;
    private final OutboxRelay relay;

    public OutboxHealthCheck(OutboxLag lag, OutboxRelay relay) {
        this.lag = lag;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        OutboxLag.Measure measure = lag.measure();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Outbox relay")
                .status(measure.unsent() >= 0)
                .withData("unsentEvents", measure.unsent())
                .withData("oldestUnsentSeconds", measure.oldestAge().toSeconds());
        relay.lastError().ifPresent(error -> response.withData("lastError", error));
        relay.lastSuccess().ifPresent(at -> response.withData("lastRelayedAt", at.toString()));
        return response.build();
    }
}

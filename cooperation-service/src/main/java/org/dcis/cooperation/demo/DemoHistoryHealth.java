package org.dcis.cooperation.demo;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail of the demo history: disabled, waiting for the demo network, loading (cases written of the
 * plan), loaded, or failed with the last error. Always UP: the service serves while the history loads, and a
 * demo that failed to load is no reason to take it out of service.
 */
@Readiness
@ApplicationScoped
public class DemoHistoryHealth implements HealthCheck {
    private final DemoHistory history;

    DemoHistoryHealth(DemoHistory history) {
        this.history = history;
    }

    @Override
    public HealthCheckResponse call() {
        DemoHistory.Status status = history.status();
        var response = HealthCheckResponse.named("Demo history").up()
                .withData("enabled", status.enabled())
                .withData("state", status.state());
        if (status.enabled()) {
            response.withData("loadedCases", status.loadedCases()).withData("plannedCases", status.plannedCases())
                    .withData("missingPosts", status.missingPosts());
        }
        if (status.lastError() != null) {
            response.withData("lastError", status.lastError());
        }
        return response.build();
    }
}

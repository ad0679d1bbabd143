package org.dcis.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness detail of the event consumers: what each channel applied, dead-lettered and retries. Always UP: a
 * dead letter is a record set aside, not an outage, and a record waiting for the database is reported DOWN by
 * the database's own check. {@code degraded} says that a channel waits on a failing record or has set records
 * aside.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealth implements HealthCheck {
    private final ResilientConsumer consumer;

    ConsumerHealth(ResilientConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Event consumers").up();
        boolean degraded = false;
        for (var channel : consumer.status().entrySet()) {
            String name = channel.getKey();
            ResilientConsumer.ChannelStatus status = channel.getValue();
            response.withData(name + ".applied", status.applied())
                    .withData(name + ".deadLetters", status.deadLetters())
                    .withData(name + ".retries", status.retries())
                    .withData(name + ".stalled", status.stalled());
            if (status.lastDeadLetter() != null) {
                response.withData(name + ".lastDeadLetter", status.lastDeadLetter())
                        .withData(name + ".lastDeadLetterAt", String.valueOf(status.lastDeadLetterAt()));
            }
            if (status.stalled()) {
                response.withData(name + ".failingSince", String.valueOf(status.failingSince()))
                        .withData(name + ".lastFailure", status.lastFailure());
            }
            degraded |= status.stalled() || status.deadLetters() > 0;
        }
        return response.withData("degraded", degraded).build();
    }
}

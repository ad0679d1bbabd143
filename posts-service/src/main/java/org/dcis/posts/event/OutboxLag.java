package org.dcis.posts.event;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/** How far the outbox is behind: unsent events and the age of the oldest, as gauges and for readiness. */
@ApplicationScoped
public class OutboxLag {
    private final AgroalDataSource dataSource;

    public OutboxLag(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void registerGauges(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("dcis.outbox.lag", this, lag -> lag.measure().unsent())
                .description("Events written to the outbox and not yet acknowledged by Kafka").register(registry);
        Gauge.builder("dcis.outbox.oldest.unsent.seconds", this, lag -> lag.measure().oldestAge().toSeconds())
                .description("Age of the oldest event waiting in the outbox").register(registry);
    }

    public Measure measure() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT count(*), min(created_at) FROM outbox_event WHERE sent_at IS NULL")) {
            result.next();
            OffsetDateTime oldest = result.getObject(2, OffsetDateTime.class);
            return new Measure(result.getLong(1),
                    oldest == null ? Duration.ZERO : Duration.between(oldest, OffsetDateTime.now()));
        } catch (SQLException e) {
            return new Measure(-1, Duration.ZERO);
        }
    }

    public record Measure(long unsent, Duration oldestAge) {
    }
}

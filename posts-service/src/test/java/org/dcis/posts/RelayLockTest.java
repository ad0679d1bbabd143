package org.dcis.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.posts.support.Api.asAdmin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.dcis.platform.outbox.OutboxConfig;
import org.dcis.platform.outbox.OutboxRelay;
import org.dcis.posts.support.Api;
import org.dcis.posts.support.Outboxes;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Only the holder of the advisory lock relays: while another "instance" (here, this test's own database
 * session) holds it, events wait; once it lets go, this instance's relay takes over.
 */
@QuarkusTest
class RelayLockTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxConfig config;

    @Test
    void onlyTheLockHolderRelays() throws Exception {
        Outboxes.awaitDrained(relay);
        try (Connection otherInstance = dataSource.getConnection()) {
            // the relay holds the lock only during a round: wait for a free moment to take it
            await().atMost(Duration.ofSeconds(30)).until(() -> advisory(otherInstance, "pg_try_advisory_lock"));
            try {
                asAdmin().body(Api.post("BY-MINSK", "BY", "Minsk", "2010-09-01", List.of())).post("/posts").then().statusCode(201);
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> Outboxes.unsent(relay) >= 1);
            } finally {
                assertThat(advisory(otherInstance, "pg_advisory_unlock")).isTrue();
            }
        }
        Outboxes.awaitDrained(relay);
    }

    private boolean advisory(Connection connection, String function) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?)")) {
            statement.setLong(1, config.relay().lockKey());
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}

package org.dcis.cooperation.event;

import org.dcis.devstack.testing.ManagementInterface;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.bilateral;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.dcis.cooperation.support.Directory;
import org.dcis.platform.outbox.OutboxConfig;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Only the holder of the advisory lock relays: while another "instance" holds it, this one sends nothing. */
@QuarkusTest
class OutboxRelayLockTest {
    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxConfig config;

    @Test
    void theRelayStandsByWhileAnotherInstanceHoldsTheLock() throws SQLException {
        Directory.standardPosts();
        try (Connection otherInstance = dataSource.getConnection()) {
            otherInstance.setAutoCommit(true);
            try (PreparedStatement lock = otherInstance.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, config.relay().lockKey());
                lock.execute();
            }
            String id;
            try {
                id = as(DAKAR).body(bilateral("Lock " + UUID.randomUUID(), "SN-DAKAR", "SN")).post("/cases")
                        .then().statusCode(201).extract().path("id");
                await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                        .until(() -> unsent(id) == 1);
                ManagementInterface.given().get("/q/health/ready").then()
                        .body("checks.find { it.name == 'Outbox relay' }.data.activeRelay", org.hamcrest.Matchers.is(false));
            } finally {
                try (PreparedStatement unlock = otherInstance.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, config.relay().lockKey());
                    unlock.execute();
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> unsent(id) == 0);
            assertThat(sent(id)).isEqualTo(1);
        }
    }

    private long unsent(String caseId) throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND event_key = '" + caseId + "'");
    }

    private long sent(String caseId) throws SQLException {
        return count("SELECT count(*) FROM outbox_event WHERE sent_at IS NOT NULL AND event_key = '" + caseId + "'");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}

package org.dcis.cooperation;

import org.dcis.devstack.testing.ManagementInterface;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import java.sql.SQLException;

import jakarta.inject.Inject;

import org.dcis.devstack.testing.InfrastructureProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The service runs against a real PostgreSQL 17 and a real Kafka broker, and reports both in its health. */
@QuarkusTest
class InfrastructureTest {
    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void talksToARealPostgresqlServerMigratedByFlyway() throws SQLException {
        assertThat(InfrastructureProbe.query(dataSource, "SELECT version()")).startsWith("PostgreSQL 17.");
        assertThat(InfrastructureProbe.query(dataSource, "SELECT current_database()")).isEqualTo("cooperation");
        assertThat(Integer.parseInt(InfrastructureProbe.query(dataSource,
                "SELECT count(*) FROM flyway_schema_history WHERE success"))).isPositive();
    }

    @Test
    void aRecordGoesThroughARealKafkaBroker() throws Exception {
        var roundTrip = InfrastructureProbe.kafkaRoundTrip(bootstrapServers, "dcis.infrastructure-check", "cooperation");
        assertThat(roundTrip).hasValueSatisfying(trip -> {
            assertThat(trip.received()).isEqualTo(trip.sent());
            assertThat(trip.key()).isEqualTo("cooperation");
        });
    }

    @Test
    void readinessReportsTheDatabaseAndKafka() {
        // Kafka is reported by the platform's check (UP with details, degraded while the broker is away: see
        // BrokerOutageTest), not by Quarkus' own, which answers DOWN within seconds of an outage
        ManagementInterface.given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka broker", "Outbox relay",
                        "Event consumers"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItems("Kafka connection health check")))
                .body("checks.find { it.name == 'Kafka broker' }.data.reachable", org.hamcrest.Matchers.is("true"))
                .body("checks.find { it.name == 'Kafka broker' }.data.brokers", org.hamcrest.Matchers.is(1));
        ManagementInterface.given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.name", hasItems("SmallRye Reactive Messaging - liveness check"));
    }

    @Test
    void publishesOpenApiAndMetrics() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", org.hamcrest.Matchers.containsString("cooperation-service"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/cases'.post.requestBody.content.'application/json'.examples.bilateral.value.framework",
                        org.hamcrest.Matchers.is("BILATERAL"))
                .body("paths.'/cases/{id}/actions'.post.requestBody.content.'application/json'.examples.training.value.kind",
                        org.hamcrest.Matchers.is("TECHNICAL"))
                .body("paths.'/cases'.post.responses.'422'.content.'application/problem+json'.examples.coverage.value.status",
                        org.hamcrest.Matchers.is(422))
                .body("paths.keySet()", hasItems("/cases", "/cases/{id}", "/cases/{id}/actions", "/actions", "/missions",
                        "/directory/posts", "/audit"));
        ManagementInterface.given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
    }
}

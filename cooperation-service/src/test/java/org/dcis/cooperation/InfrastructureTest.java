package org.dcis.cooperation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet version = statement.executeQuery("SELECT version()")) {
                version.next();
                assertThat(version.getString(1)).startsWith("PostgreSQL 17.");
            }
            try (ResultSet migrations = statement.executeQuery(
                    "SELECT count(*) FROM flyway_schema_history WHERE success")) {
                migrations.next();
                assertThat(migrations.getInt(1)).isPositive();
            }
            try (ResultSet database = statement.executeQuery("SELECT current_database()")) {
                database.next();
                assertThat(database.getString(1)).isEqualTo("cooperation");
            }
        }
    }

    @Test
    void aRecordGoesThroughARealKafkaBroker() throws Exception {
        String topic = "dcis.infrastructure-check";
        String value = UUID.randomUUID().toString();
        RecordMetadata written;
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            written = producer.send(new ProducerRecord<>(topic, "cooperation", value)).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, written.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, written.offset());
            var records = consumer.poll(Duration.ofSeconds(30));
            assertThat(records.records(partition)).first()
                    .satisfies(record -> assertThat(record.value()).isEqualTo(value));
        }
    }

    @Test
    void readinessReportsTheDatabaseAndKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", org.hamcrest.Matchers.is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
        given().when().get("/q/health/live").then().statusCode(200);
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
        given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
    }
}

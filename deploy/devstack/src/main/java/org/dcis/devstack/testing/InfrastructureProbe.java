package org.dcis.devstack.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a service's infrastructure test asks of the servers it was given: that they are the real
 * thing. Answers come from the servers themselves, so a stand-in could not give them.
 */
public final class InfrastructureProbe {
    private InfrastructureProbe() {
    }

    /** The database's answer to a query, e.g. {@code SELECT version()}. */
    public static String query(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /**
     * Writes a fresh value through the broker (acks=all) and reads the record back at the offset the
     * broker gave it. @return the value read back, empty if nothing came back
     */
    public static Optional<RoundTrip> kafkaRoundTrip(String bootstrapServers, String topic, String key)
            throws InterruptedException, ExecutionException {
        String value = UUID.randomUUID().toString();
        RecordMetadata written;
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            written = producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, written.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, written.offset());
            return consumer.poll(Duration.ofSeconds(30)).records(partition).stream().findFirst()
                    .map(record -> new RoundTrip(value, record.key(), record.value(), record.offset()));
        }
    }

    /** The value sent and the record read back. */
    public record RoundTrip(String sent, String key, String received, long offset) {
    }
}

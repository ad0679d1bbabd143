package org.dcis.posts.event;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.dcis.posts.PostsConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relay's producer: idempotent with acks=all, so the producer's own retries neither lose nor
 * duplicate nor reorder records of a key. A delivery waits through a short broker outage (the
 * producer keeps retrying until delivery.timeout.ms) instead of failing and being sent again.
 */
public class RelayProducer {
    @Produces
    @Singleton
    KafkaProducer<String, byte[]> relayProducer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            PostsConfig config) {
        Duration deliveryTimeout = config.outbox().deliveryTimeout();
        Map<String, Object> settings = new HashMap<>();
        settings.putAll(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "posts-service-outbox-relay",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis(),
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        return new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    void close(@Disposes KafkaProducer<String, byte[]> producer) {
        producer.close(Duration.ofSeconds(5));
    }
}

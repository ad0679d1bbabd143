package org.dcis.cooperation.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.cooperation.support.Api.DAKAR;
import static org.dcis.cooperation.support.Api.as;
import static org.dcis.cooperation.support.Cases.multilateral;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.dcis.cooperation.partner.PartnerFeedConsumer;
import org.dcis.cooperation.support.Directory;
import org.dcis.devstack.testing.SharedServers;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One trace from the gateway's request to the Kafka consumers and beyond (issue 12): a request carrying the gateway's
 * {@code traceparent} (trace T) opens an EU case released to the EU. The spans exported in memory show T on the HTTP
 * server span (child of the gateway's span), on the relay's send to dcis.cooperation.v1, on the partner-feeds
 * consumer's processing of that event and on the relay's send of the partner event; the records on
 * dcis.cooperation.v1 and dcis.partner.eu.v1 carry T in their {@code traceparent} header, written through the outbox
 * both times. The gateway's own test shows that the gateway sends its server span's context: together, one trace id
 * from the internet's request to the partner topic.
 */
@QuarkusTest
class TracingTest {
    private static final AttributeKey<String> CHANNEL = AttributeKey.stringKey("dcis.channel");
    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("dcis.request_id");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    InMemorySpanExporter spans;

    @Test
    void oneTraceFromTheRequestThroughTheOutboxToThePartnerFeedConsumerAndThePartnerTopic() {
        Directory.standardPosts();
        String trace = hex(16);
        String gatewaySpan = hex(8);
        String requestId = "trace-test-" + UUID.randomUUID();
        String caseId = as(DAKAR).header("traceparent", "00-" + trace + "-" + gatewaySpan + "-01")
                .header("X-Request-Id", requestId)
                .body(multilateral("Traced " + UUID.randomUUID(), "EU", "EUCAP-SAHEL-MALI", "INTERNAL", List.of("EU")))
                .post("/cases").then().statusCode(201).extract().path("id");

        // the events, through the outbox, carry the request's trace in their headers
        assertThat(traceIdOf(recordOf("dcis.cooperation.v1", caseId))).isEqualTo(trace);
        assertThat(traceIdOf(recordOf("dcis.partner.eu.v1", caseId))).isEqualTo(trace);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            List<SpanData> mine = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(trace))
                    .toList();
            String seen = mine.stream().map(s -> s.getKind() + " " + s.getName()).collect(Collectors.joining(", "));
            assertThat(mine).as(seen)
                    .anySatisfy(span -> {
                        assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                        assertThat(span.getName()).isEqualTo("POST /cases");
                        assertThat(span.getParentSpanId()).isEqualTo(gatewaySpan);
                        assertThat(span.getAttributes().get(REQUEST_ID)).isEqualTo(requestId);
                    })
                    .anySatisfy(span -> {
                        assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
                        assertThat(span.getName()).isEqualTo("dcis.cooperation.v1 publish");
                    })
                    .anySatisfy(span -> {
                        assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                        assertThat(span.getName()).isEqualTo("dcis.cooperation.v1 process");
                        assertThat(span.getAttributes().get(CHANNEL)).isEqualTo(PartnerFeedConsumer.CHANNEL);
                    })
                    .anySatisfy(span -> {
                        assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
                        assertThat(span.getName()).isEqualTo("dcis.partner.eu.v1 publish");
                    });
        });
    }

    /** The first record of {@code key} on {@code topic}, read from the beginning as any consumer would. */
    private static ConsumerRecord<String, byte[]> recordOf(String topic, String key) {
        try (var kafka = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-trace-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            kafka.subscribe(List.of(topic));
            AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
                for (var record : kafka.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.compareAndSet(null, record);
                    }
                }
                return found.get() != null;
            });
            return found.get();
        }
    }

    private static String traceIdOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header of %s", record.topic()).isNotNull();
        String[] parts = new String(header.value(), StandardCharsets.UTF_8).split("-");
        assertThat(parts).hasSize(4);
        return parts[1];
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

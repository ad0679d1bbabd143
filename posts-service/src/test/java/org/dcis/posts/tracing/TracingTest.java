package org.dcis.posts.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.dcis.posts.support.Api.asAdmin;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.dcis.posts.support.Api;
import org.dcis.posts.support.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway's trace goes on through posts-service's outbox (issue 12): a post opened by a request carrying the
 * gateway's {@code traceparent} (trace T) is on dcis.posts.v1 with a {@code traceparent} header of trace T, sent in
 * the relay's producer span of T, child of the request's server span; cooperation-service's post directory consumer
 * continues it from there (the platform's ResilientConsumer, see cooperation-service's TracingTest).
 */
@QuarkusTest
class TracingTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    InMemorySpanExporter spans;

    @Test
    void thePostEventCarriesTheTraceOfTheRequestThatOpenedThePost() {
        String trace = hex(16);
        String gatewaySpan = hex(8);
        asAdmin().header("traceparent", "00-" + trace + "-" + gatewaySpan + "-01")
                .body(Api.post("BT-THIMPHOU", "BT", "Thimphou", "2012-09-01", List.of())).post("/posts").then()
                .statusCode(201);

        ConsumerRecord<String, byte[]> record = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> TopicReader.readAll(bootstrapServers, "dcis.posts.v1").stream()
                        .filter(r -> "BT-THIMPHOU".equals(r.key())).findFirst().orElse(null), r -> r != null);
        Header traceparent = record.headers().lastHeader("traceparent");
        assertThat(traceparent).isNotNull();
        String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
        assertThat(parts[1]).isEqualTo(trace);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            var mine = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(trace)).toList();
            assertThat(mine).anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                assertThat(span.getParentSpanId()).isEqualTo(gatewaySpan);
            }).anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
                assertThat(span.getName()).isEqualTo("dcis.posts.v1 publish");
                // the header names the producer span: the consumer's span is its child
                assertThat(span.getSpanId()).isEqualTo(parts[2]);
            });
        });
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}

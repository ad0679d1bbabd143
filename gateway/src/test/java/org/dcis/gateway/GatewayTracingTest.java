package org.dcis.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway starts the trace of every request and hands it to the service (issue 12): the relayed request carries
 * a W3C {@code traceparent} of the gateway's server span's trace. A trace context sent from the internet is neither
 * honoured nor relayed (see {@code EdgeTracing}). The services' own TracingTest follows the trace id from there
 * through the outbox to the Kafka consumers.
 */
@QuarkusTest
class GatewayTracingTest {
    private static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("dcis.request_id");

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void clear() {
        Services.clearAll();
    }

    @Test
    void theServiceReceivesTheTraceOfTheGatewaysServerSpan() {
        String requestId = "trace-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.of("analyst.hq")).header("X-Request-Id", requestId)
                .get("/api/cooperation/cases/42").then().statusCode(200);

        SpanData server = serverSpanOf(requestId);
        String[] traceparent = traceparentReceived(Services.COOPERATION);
        assertThat(traceparent[1]).isEqualTo(server.getTraceId());
        assertThat(traceparent[3]).isEqualTo("01");
    }

    @Test
    void aTraceContextFromTheInternetIsNeitherContinuedNorRelayed() {
        String requestId = "trace-" + UUID.randomUUID();
        String foreignTrace = "0af7651916cd43dd8448eb211c80319c";
        given().auth().oauth2(Tokens.of("officer.dakar")).header("X-Request-Id", requestId)
                .header("traceparent", "00-" + foreignTrace + "-b7ad6b7169203331-01")
                .header("tracestate", "rojo=00f067aa0ba902b7")
                .header("baggage", "post_id=FR-PARIS")
                .get("/api/posts/countries").then().statusCode(200);

        SpanData server = serverSpanOf(requestId);
        assertThat(server.getTraceId()).isNotEqualTo(foreignTrace);
        assertThat(server.getParentSpanContext().isValid()).as("the gateway's span is a root").isFalse();
        String[] traceparent = traceparentReceived(Services.POSTS);
        assertThat(traceparent[1]).isEqualTo(server.getTraceId());
        Map<String, Object> headers = GatewayRoutingTest.headers(Services.POSTS.received().get(0));
        assertThat(headers).doesNotContainKeys("tracestate", "baggage");
    }

    private SpanData serverSpanOf(String requestId) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                () -> spans.getFinishedSpanItems().stream()
                        .filter(span -> span.getKind() == SpanKind.SERVER
                                && requestId.equals(span.getAttributes().get(REQUEST_ID)))
                        .findFirst().orElse(null),
                span -> span != null);
    }

    private static String[] traceparentReceived(Services service) {
        List<Map<String, Object>> received = service.received();
        assertThat(received).hasSize(1);
        Object traceparent = GatewayRoutingTest.headers(received.get(0)).get("traceparent");
        assertThat(traceparent).as("traceparent received by the service").isInstanceOf(String.class);
        String[] parts = ((String) traceparent).split("-");
        assertThat(parts).hasSize(4);
        return parts;
    }
}

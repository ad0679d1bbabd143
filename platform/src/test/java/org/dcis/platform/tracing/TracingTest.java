package org.dcis.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** The trace context as the outbox keeps it and Kafka headers carry it; when tracing is on at all. */
class TracingTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();

    @Test
    void theContextOfASpanGoesThroughHeadersAndBack() {
        Span span = otel.getTracer("test").spanBuilder("request").startSpan();
        TraceContext context = TraceContext.of(Context.root().with(span));
        assertThat(context.traceparent()).isEqualTo("00-" + span.getSpanContext().getTraceId() + "-"
                + span.getSpanContext().getSpanId() + "-01");
        assertThat(context.tracestate()).isNull();
        RecordHeaders headers = new RecordHeaders();
        headers.add(TraceContext.TRACEPARENT, "00-00000000000000000000000000000001-0000000000000001-01".getBytes());
        context.writeTo(headers);
        assertThat(headers.headers(TraceContext.TRACEPARENT)).hasSize(1);
        assertThat(TraceContext.of(headers)).isEqualTo(context);
        assertThat(TraceContext.of(headers).traceId()).isEqualTo(span.getSpanContext().getTraceId());
        span.end();
    }

    @Test
    void nothingTracedIsNoContextAndAnInvalidHeaderIsIgnored() {
        assertThat(TraceContext.of(Context.root())).isNull();
        RecordHeaders headers = new RecordHeaders();
        assertThat(TraceContext.of(headers)).isNull();
        headers.add(TraceContext.TRACEPARENT, "00-not-a-trace-01".getBytes(StandardCharsets.UTF_8));
        assertThat(TraceContext.of(headers)).isNull();
    }

    @Test
    void tracingIsOffUnlessACollectorIsNamed() {
        Properties none = new Properties();
        assertThat(new TracingDefaults(Map.of(), none).getValue(TracingDefaults.SDK_DISABLED)).isEqualTo("true");
        assertThat(new TracingDefaults(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", " "), none)
                .getValue(TracingDefaults.SDK_DISABLED)).isEqualTo("true");
        assertThat(new TracingDefaults(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), none)
                .getValue(TracingDefaults.SDK_DISABLED)).isEqualTo("false");
        assertThat(new TracingDefaults(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4318/v1/traces"),
                none).getValue(TracingDefaults.SDK_DISABLED)).isEqualTo("false");
        Properties given = new Properties();
        given.setProperty("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317");
        assertThat(new TracingDefaults(Map.of(), given).getValue(TracingDefaults.SDK_DISABLED)).isEqualTo("false");
        // below application.properties (250) and the environment (300): a service's or an operator's setting wins
        assertThat(new TracingDefaults(Map.of(), none).getOrdinal()).isLessThan(250);
    }
}

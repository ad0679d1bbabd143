package org.dcis.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dcis.platform.tracing.TraceContext;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/** A consumed record is applied inside the trace its headers carry: logs and the events it writes continue it. */
class TracingConsumerTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .build();

    @Test
    void aRecordWithATraceIsAppliedInAConsumerSpanOfThatTraceMadeCurrent() {
        ResilientConsumer consumer = consumer();
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("dcis.cooperation.v1", 2, 117L, "case-1", new byte[0]);
        record.headers().add(TraceContext.TRACEPARENT, PARENT.getBytes(StandardCharsets.UTF_8));
        AtomicReference<TraceContext> during = new AtomicReference<>();
        consumer.process("partner-feeds", record, () -> during.set(TraceContext.current()));

        assertThat(during.get().traceId()).isEqualTo(TRACE_ID);
        assertThat(spans.getFinishedSpanItems()).singleElement().satisfies(span -> {
            assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
            assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getName()).isEqualTo("dcis.cooperation.v1 process");
            assertThat(during.get().traceparent()).contains(span.getSpanId());
        });
        assertThat(Span.current().getSpanContext().isValid()).isFalse();
    }

    @Test
    void aRecordWithoutATraceStartsNone() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("dcis.posts.v1", 0, 1L, "SN-DAKAR", new byte[0]);
        AtomicReference<TraceContext> during = new AtomicReference<>(new TraceContext("x", null));
        consumer().process("posts", record, () -> during.set(TraceContext.current()));
        assertThat(during.get()).isNull();
        assertThat(spans.getFinishedSpanItems()).isEmpty();
    }

    private ResilientConsumer consumer() {
        return new ResilientConsumer(new ConsumerSettings() {
            @Override
            public Duration initialBackoff() {
                return Duration.ofMillis(1);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofMillis(4);
            }

            @Override
            public int maxUnexpectedAttempts() {
                return 3;
            }
        }, new SimpleMeterRegistry(), Clock.systemUTC(), otel);
    }
}

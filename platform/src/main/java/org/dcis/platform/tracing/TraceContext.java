package org.dcis.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C Trace Context of a span as the two strings that carry it ({@code traceparent}, {@code tracestate}), and back.
 * Always W3C, whatever propagators a service configures: these are what the outbox stores and Kafka headers carry.
 */
public record TraceContext(String traceparent, String tracestate) {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    /** What the outbox column holds; a longer tracestate is dropped (W3C allows it), never cut. */
    static final int MAX_TRACESTATE = 512;
    private static final int MAX_TRACEPARENT = 128;

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The context of {@code context}'s span; null when it has no valid span (nothing traced). */
    public static TraceContext of(Context context) {
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(context, carrier, Map::put);
        String parent = carrier.get(TRACEPARENT);
        if (parent == null || parent.length() > MAX_TRACEPARENT) {
            return null;
        }
        String state = carrier.get(TRACESTATE);
        return new TraceContext(parent, state == null || state.isEmpty() || state.length() > MAX_TRACESTATE ? null : state);
    }

    /** The context of the current span, or null. */
    public static TraceContext current() {
        return of(Context.current());
    }

    /** The remote parent these strings name, under {@code base}; {@code base} itself when they name none. */
    public Context extract(Context base) {
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3CTraceContextPropagator.getInstance().extract(base, carrier, MAP);
    }

    /** The trace context a Kafka record carries in its headers; null when it has no valid {@code traceparent}. */
    public static TraceContext of(Headers headers) {
        String parent = last(headers, TRACEPARENT);
        if (parent == null) {
            return null;
        }
        TraceContext found = new TraceContext(parent, last(headers, TRACESTATE));
        SpanContext remote = Span.fromContext(found.extract(Context.root())).getSpanContext();
        return remote.isValid() ? found : null;
    }

    /** Sets (replaces) the headers that carry this context. */
    public void writeTo(Headers headers) {
        headers.remove(TRACEPARENT);
        headers.remove(TRACESTATE);
        headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        if (tracestate != null) {
            headers.add(TRACESTATE, tracestate.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The trace id this context names (32 hex digits). */
    public String traceId() {
        return Span.fromContext(extract(Context.root())).getSpanContext().getTraceId();
    }

    private static String last(Headers headers, String name) {
        if (headers == null) {
            return null;
        }
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}

package org.dcis.gateway.observability;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.quarkus.opentelemetry.runtime.propagation.TextMapPropagatorCustomizer;

/**
 * The gateway starts every trace. A {@code traceparent}, {@code tracestate} or {@code baggage} sent from the internet
 * is not honoured: the gateway's server span is always a new root, so a caller can neither join (or pollute) a trace
 * of ours, nor force sampling, nor plant baggage that services would read; and it is not relayed either
 * ({@code ForwardedHeaders} drops it). The services receive the context of the gateway's own span, which the
 * instrumented Vert.x client injects into every relayed request. A partner that wants to correlate uses
 * {@code X-Request-Id}, which is kept, logged and set on the span ({@code dcis.request_id}).
 *
 * <p>Done on the propagators, so that nothing reads the caller's context: extraction returns the context it was given;
 * injection is the configured one (W3C Trace Context and Baggage).
 */
@Singleton
public class EdgeTracing implements TextMapPropagatorCustomizer {
    @Override
    public TextMapPropagator customize(TextMapPropagatorCustomizer.Context context) {
        return new InjectOnly(context.propagator());
    }

    /** Injects as {@code delegate} does, never extracts. */
    static final class InjectOnly implements TextMapPropagator {
        private final TextMapPropagator delegate;

        InjectOnly(TextMapPropagator delegate) {
            this.delegate = delegate;
        }

        @Override
        public Collection<String> fields() {
            return delegate.fields();
        }

        @Override
        public <C> void inject(io.opentelemetry.context.Context context, C carrier, TextMapSetter<C> setter) {
            delegate.inject(context, carrier, setter);
        }

        @Override
        public <C> io.opentelemetry.context.Context extract(io.opentelemetry.context.Context context, C carrier,
                TextMapGetter<C> getter) {
            return context;
        }
    }
}

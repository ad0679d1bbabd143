package org.dcis.posts.support;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Tests export spans here, in memory (a CDI SpanExporter replaces Quarkus' OTLP exporter; the test profile switches
 * tracing on). Shared by every test of the JVM: read the spans of your own trace id.
 */
public class Spans {
    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}

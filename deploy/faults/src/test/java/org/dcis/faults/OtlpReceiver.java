package org.dcis.faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * The collector of the fault stack: an OTLP/HTTP (protobuf) endpoint in the test JVM that keeps every span the three
 * services export, in memory, so a test reads the spans of one trace across processes. The services export to it when
 * the stack starts with its address (FaultStack); nothing is sent anywhere else.
 */
final class OtlpReceiver implements AutoCloseable {
    /** One exported span, flattened: which service, which trace, what kind, which attributes. */
    record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
            java.util.Map<String, String> attributes) {
    }

    private final HttpServer server;
    private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();
    /** Messages the receiver could not decode (path and error): said when a trace is incomplete. */
    private final List<String> unreadable = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the OTLP receiver", e);
        }
    }

    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    List<String> unreadable() {
        return List.copyOf(unreadable);
    }

    List<ExportedSpan> spans() {
        return List.copyOf(spans);
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!exchange.getRequestURI().getPath().endsWith("/v1/metrics")
                    && !exchange.getRequestURI().getPath().endsWith("/v1/logs")) {
                try {
                    keep(ExportTraceServiceRequest.parseFrom(body));
                } catch (RuntimeException | IOException | LinkageError e) {
                    unreadable.add(exchange.getRequestURI() + ": " + e);
                    throw new IOException("an OTLP message the receiver cannot read", e);
                }
            }
            byte[] answer = io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse.getDefaultInstance()
                    .toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void keep(ExportTraceServiceRequest request) {
        HexFormat hex = HexFormat.of();
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = value(resource.getResource().getAttributesList(), "service.name");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (var span : scope.getSpansList()) {
                    java.util.Map<String, String> attributes = new java.util.LinkedHashMap<>();
                    for (KeyValue kv : span.getAttributesList()) {
                        attributes.put(kv.getKey(), text(kv.getValue()));
                    }
                    spans.add(new ExportedSpan(service, hex.formatHex(span.getTraceId().toByteArray()),
                            hex.formatHex(span.getSpanId().toByteArray()),
                            hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind().name(),
                            attributes));
                }
            }
        }
    }

    private static String value(List<KeyValue> attributes, String key) {
        List<String> found = new ArrayList<>();
        attributes.stream().filter(kv -> kv.getKey().equals(key)).forEach(kv -> found.add(text(kv.getValue())));
        return found.isEmpty() ? null : found.get(0);
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case INT_VALUE -> Long.toString(value.getIntValue());
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString();
        };
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

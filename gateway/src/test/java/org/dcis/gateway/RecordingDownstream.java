package org.dcis.gateway;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A running HTTP service standing in for posts-service or cooperation-service: it records every
 * business request it receives (method, URI, headers, body size and digest) and echoes it back.
 * Special paths: {@code /q/openapi} (a small OpenAPI document), {@code /q/health/ready}, any other
 * {@code /q/**} (a management answer; every {@code /q/**} request is recorded apart, as management),
 * {@code ?delay-ms=n} on any other path (answers n ms later), {@code /silent/**} (never answers), {@code /bytes/{n}} (streams n bytes back; with {@code ?marker=m} the
 * marker is noted once the whole answer is written), {@code /location?location=..&content-location=..}
 * (201 with those headers, {@code {host}} replaced by the Host header received, the way a Quarkus service
 * builds them), {@code /flaky-close/{marker}} (closes the connection without answering on the first request
 * for a marker, answers later ones), {@code /always-close/**} (always closes the connection without answering).
 * A separate control server (not behind the gateway) lets tests read and clear the record and stop and
 * start the service on the same port.
 */
final class RecordingDownstream {
    private final Vertx vertx;
    private final String service;
    private final JsonObject openapi;
    private final List<JsonObject> received = new ArrayList<>();
    private final List<JsonObject> management = new ArrayList<>();
    private final Set<String> bytesMarkersWritten = ConcurrentHashMap.newKeySet();
    private final Set<String> flakyMarkersSeen = ConcurrentHashMap.newKeySet();
    private HttpServer server;
    private int port;
    private int controlPort;

    RecordingDownstream(Vertx vertx, String service, JsonObject openapi) {
        this.vertx = vertx;
        this.service = service;
        this.openapi = openapi;
    }

    RecordingDownstream start() {
        server = listen(0);
        port = server.actualPort();
        controlPort = vertx.createHttpServer().requestHandler(this::control).listen(0, "localhost")
                .toCompletionStage().toCompletableFuture().join().actualPort();
        return this;
    }

    String url() {
        return "http://localhost:" + port;
    }

    String controlUrl() {
        return "http://localhost:" + controlPort;
    }

    private HttpServer listen(int wanted) {
        return vertx.createHttpServer().requestHandler(this::serve).listen(wanted, "localhost")
                .toCompletionStage().toCompletableFuture().join();
    }

    private void serve(HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/q") || path.startsWith("/q/")) {
            synchronized (management) {
                management.add(new JsonObject().put("method", request.method().name()).put("uri", request.uri()));
            }
            if (path.equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(openapi.encode());
            } else if (path.equals("/q/health/ready")) {
                request.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\"}");
            } else {
                request.response().putHeader("Content-Type", "application/json")
                        .end("{\"management\":\"" + service + " internals\"}");
            }
            return;
        }
        MessageDigest digest = sha256();
        long[] length = { 0 };
        request.handler(chunk -> {
            digest.update(chunk.getBytes());
            length[0] += chunk.length();
        });
        request.endHandler(end -> {
            String delay = request.getParam("delay-ms");
            if (delay != null) {
                // a service that takes its time: the answer comes later, on a timer of the service
                vertx.setTimer(Long.parseLong(delay), done -> answer(request, path, digest, length[0]));
            } else {
                answer(request, path, digest, length[0]);
            }
        });
    }

    private void answer(HttpServerRequest request, String path, MessageDigest digest, long length) {
        JsonObject headers = new JsonObject();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        JsonObject record = new JsonObject()
                .put("service", service)
                .put("method", request.method().name())
                .put("uri", request.uri())
                .put("headers", headers)
                .put("bodyLength", length)
                .put("bodySha256", HexFormat.of().formatHex(digest.digest()));
        synchronized (received) {
            received.add(record);
        }
        if (path.startsWith("/silent")) {
            return;
        }
        if (path.startsWith("/always-close/")
                || path.startsWith("/flaky-close/") && flakyMarkersSeen.add(path.substring("/flaky-close/".length()))) {
            // a pooled connection dropping under a request before any answer
            request.connection().close();
            return;
        }
        if (path.startsWith("/bytes/")) {
            long size = Long.parseLong(path.substring("/bytes/".length()));
            request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            Buffer chunk = Buffer.buffer(new byte[8192]);
            for (long sent = 0; sent < size; sent += 8192) {
                request.response().write(sent + 8192 <= size ? chunk : chunk.getBuffer(0, (int) (size - sent)));
            }
            String marker = request.getParam("marker");
            request.response().end().onSuccess(written -> {
                if (marker != null) {
                    bytesMarkersWritten.add(marker);
                }
            });
            return;
        }
        if (path.equals("/location")) {
            String host = request.getHeader("Host");
            request.response().setStatusCode(201).putHeader("Content-Type", "application/json");
            for (String header : List.of("location", "content-location")) {
                String value = request.getParam(header);
                if (value != null) {
                    request.response().putHeader(header, value.replace("{host}", host));
                }
            }
            request.response().end(record.encode());
            return;
        }
        request.response().putHeader("Content-Type", "application/json")
                .putHeader("X-Served-By", service)
                .end(record.encode());
    }

    private void control(HttpServerRequest request) {
        switch (request.method().name() + " " + request.path()) {
            case "GET /received" -> {
                synchronized (received) {
                    request.response().putHeader("Content-Type", "application/json")
                            .end(new JsonArray(new ArrayList<>(received)).encode());
                }
            }
            case "DELETE /received" -> {
                synchronized (received) {
                    received.clear();
                }
                synchronized (management) {
                    management.clear();
                }
                request.response().setStatusCode(204).end();
            }
            case "GET /received-management" -> {
                synchronized (management) {
                    request.response().putHeader("Content-Type", "application/json")
                            .end(new JsonArray(new ArrayList<>(management)).encode());
                }
            }
            case "GET /bytes-written" -> request.response().setStatusCode(
                    bytesMarkersWritten.contains(request.getParam("marker")) ? 204 : 404).end();
            case "POST /stop" -> server.close().onComplete(done -> request.response().setStatusCode(204).end());
            case "POST /start" -> vertx.createHttpServer().requestHandler(this::serve).listen(port, "localhost")
                    .onSuccess(started -> {
                        server = started;
                        request.response().setStatusCode(204).end();
                    })
                    .onFailure(e -> request.response().setStatusCode(500).end(e.toString()));
            default -> request.response().setStatusCode(404).end();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

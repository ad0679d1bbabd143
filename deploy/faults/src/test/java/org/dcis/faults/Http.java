package org.dcis.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A plain HTTP client of the suite, as any client program: thread-safe, HTTP/1.1, bounded by its own
 * timeouts. A call never throws for a network failure: the answer then has status -1 and says what
 * happened, so that a fault run can count failures instead of dying on the first one.
 */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    /** How long a client waits for an answer: a hung server shows up as a timeout here, never as a hung test. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(40);

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** One answer, or the failure that stood in for it (status -1). */
    record Answer(String method, String uri, int status, String body, Map<String, String> headers, String failure,
            Duration took) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean answered() {
            return status > 0;
        }

        /** No answer, or a server-side failure: what a client retries. */
        boolean retryable() {
            return status < 0 || status >= 500;
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
        }

        String contentType() {
            return header("content-type").orElse("");
        }

        JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                return MissingNode.getInstance();
            }
        }

        /** For messages: the status (or failure) and the start of the body. */
        String brief() {
            String text = status < 0 ? "no answer (" + failure + ")" : status + " " + abbreviate(body);
            return method + " " + uri + " -> " + text + " in " + took.toMillis() + " ms";
        }

        private static String abbreviate(String body) {
            if (body == null) {
                return "";
            }
            String flat = body.replaceAll("\\s+", " ");
            return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
        }
    }

    static Answer get(String uri, String token) {
        return call("GET", uri, token, null, Map.of(), ANSWER_TIMEOUT);
    }

    static Answer post(String uri, String token, Object body, Map<String, String> headers) {
        return call("POST", uri, token, body, headers, ANSWER_TIMEOUT);
    }

    static Answer put(String uri, String token, Object body, Map<String, String> headers) {
        return call("PUT", uri, token, body, headers, ANSWER_TIMEOUT);
    }

    /** A form POST without token (the token endpoint). */
    static Answer form(String uri, Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        return send("POST", uri, request);
    }

    static Answer call(String method, String uri, String token, Object body, Map<String, String> headers,
            Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("body not serialisable: " + body, e);
            }
        }
        return send(method, uri, request.build());
    }

    private static Answer send(String method, String uri, HttpRequest request) {
        long began = System.nanoTime();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT),
                    String.join(",", values)));
            return new Answer(method, uri, response.statusCode(), response.body(), headers, null, since(began));
        } catch (IOException e) {
            return new Answer(method, uri, -1, null, Map.of(), e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), since(began));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(method, uri, -1, null, Map.of(), "interrupted", since(began));
        }
    }

    private static Duration since(long began) {
        return Duration.ofNanos(System.nanoTime() - began);
    }
}

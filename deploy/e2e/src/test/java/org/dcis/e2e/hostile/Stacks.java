package org.dcis.e2e.hostile;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The running stack's addresses (the same system properties as the rest of the e2e suite) and real tokens of
 * the demo realm, for users (password grant on the public client dcis-demo) and the mission systems
 * (client credentials). Tokens live 300 s; one is reused for 200 s.
 */
final class Stacks {
    static final ObjectMapper JSON = new ObjectMapper();
    static final URI GATEWAY = url("dcis.e2e.gateway-url", "http://localhost:8080");
    static final URI KEYCLOAK = url("dcis.e2e.keycloak-url", "http://localhost:8180");
    static final URI POSTS = url("dcis.e2e.posts-url", "http://localhost:8081");
    static final URI COOPERATION = url("dcis.e2e.cooperation-url", "http://localhost:8082");
    private static final Duration TOKEN_REUSE = Duration.ofSeconds(200);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, Cached> TOKENS = new ConcurrentHashMap<>();

    private Stacks() {
    }

    private record Cached(String jwt, Instant at) {
    }

    /** A demo user's token (password {@code demo}). */
    static String userToken(String username) {
        return cached("user:" + username, () -> grant(Map.of("grant_type", "password", "client_id", "dcis-demo",
                "username", username, "password", "demo")));
    }

    /** A machine client's token (client credentials). */
    static String clientToken(String clientId, String secret) {
        return cached("client:" + clientId, () -> grant(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret)));
    }

    private interface Grant {
        String get();
    }

    private static String cached(String key, Grant grant) {
        Cached cached = TOKENS.get(key);
        if (cached == null || cached.at().plus(TOKEN_REUSE).isBefore(Instant.now())) {
            synchronized (TOKENS) {
                cached = TOKENS.get(key);
                if (cached == null || cached.at().plus(TOKEN_REUSE).isBefore(Instant.now())) {
                    cached = new Cached(grant.get(), Instant.now());
                    TOKENS.put(key, cached);
                }
            }
        }
        return cached.jwt();
    }

    private static String grant(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(KEYCLOAK.resolve("/realms/dcis/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request " + form.get("client_id") + "/" + form.get("username") + " -> "
                    + response.statusCode() + " " + response.body());
        }
        return read(response.body()).path("access_token").asText();
    }

    /** A GET with a bearer token (or none), answering status and JSON body (null when not JSON). */
    static Json get(URI base, String pathAndQuery, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString() + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = send(builder.GET().build());
        return new Json(response.statusCode(), response.headers().firstValue("ETag").orElse(null), readOrNull(response.body()),
                response.body());
    }

    /** A JSON write (POST/PUT) with a bearer token and optional If-Match / Idempotency-Key. */
    static Json write(URI base, String method, String path, String token, JsonNode body, String ifMatch, String idempotencyKey) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString() + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<String> response = send(builder.build());
        return new Json(response.statusCode(), response.headers().firstValue("ETag").orElse(null), readOrNull(response.body()),
                response.body());
    }

    /** A support call's answer. */
    record Json(int status, String etag, JsonNode body, String text) {
        Json require(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + ": expected " + expected + ", got " + status + " "
                        + (text.length() > 500 ? text.substring(0, 500) + "…" : text));
            }
            return this;
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    static JsonNode readOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static URI url(String property, String fallback) {
        String value = System.getProperty(property);
        return URI.create(value == null || value.isBlank() ? fallback : value.replaceAll("/+$", ""));
    }
}

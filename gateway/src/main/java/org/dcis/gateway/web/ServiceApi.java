package org.dcis.gateway.web;

import java.time.Duration;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

import org.dcis.gateway.GatewayConfig;
import org.dcis.gateway.observability.RequestId;

/**
 * The web app's only way to the services: their public APIs, called straight with the signed-in user's own access
 * token (from the encrypted session), so that every rule of the services (roles, the caller's post, restricted
 * cases, validation, If-Match, idempotency) applies to the browser exactly as to any API client. The browser never
 * sees the token.
 */
@ApplicationScoped
public class ServiceApi {
    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentVertxRequest current;

    private WebClient client;

    @PostConstruct
    void open() {
        client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(config.maxConnections()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public ApiAnswer get(Service service, String path, Map<String, String> query) {
        return call(HttpMethod.GET, service, path, query, Map.of(), null);
    }

    public ApiAnswer get(Service service, String path) {
        return get(service, path, Map.of());
    }

    /** A write with a JSON body; headers such as If-Match and Idempotency-Key as the form carried them. */
    public ApiAnswer send(HttpMethod method, Service service, String path, Object body, Map<String, String> headers) {
        return call(method, service, path, Map.of(), headers, body);
    }

    private ApiAnswer call(HttpMethod method, Service service, String path, Map<String, String> query,
                           Map<String, String> headers, Object body) {
        HttpRequest<Buffer> request = client.requestAbs(method, base(service) + path)
                .timeout(config.web().serviceTimeout().toMillis())
                .putHeader("Accept", "application/json")
                .putHeader("Authorization", "Bearer " + accessToken());
        String requestId = current.getCurrent() == null ? null : RequestId.of(current.getCurrent());
        if (requestId != null) {
            request.putHeader(RequestId.HEADER, requestId);
        }
        query.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                request.addQueryParam(name, value);
            }
        });
        headers.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                request.putHeader(name, value);
            }
        });
        HttpResponse<Buffer> response;
        try {
            Duration wait = config.web().serviceTimeout().plusSeconds(1);
            if (body == null) {
                response = request.send().await().atMost(wait);
            } else {
                request.putHeader("Content-Type", "application/json");
                response = request.sendBuffer(Buffer.buffer(encode(body))).await().atMost(wait);
            }
        } catch (RuntimeException e) {
            throw new ServiceUnavailable(service, e);
        }
        if (response.statusCode() == 502 || response.statusCode() == 503 || response.statusCode() == 504) {
            throw new ServiceUnavailable(service, null);
        }
        return new ApiAnswer(response.statusCode(), parse(response), response.getHeader("ETag"),
                response.getHeader("Location"));
    }

    private String base(Service service) {
        return switch (service) {
            case POSTS -> config.postsUrl();
            case COOPERATION -> config.cooperationUrl();
        };
    }

    private String accessToken() {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (token == null) {
            // Fail closed: a page is only ever rendered for a code-flow session, which always holds one.
            throw new PageRefused(401, "No session");
        }
        return token.getToken();
    }

    private byte[] encode(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot encode the request body", e);
        }
    }

    private JsonNode parse(HttpResponse<Buffer> response) {
        Buffer buffer = response.body();
        if (buffer == null || buffer.length() == 0) {
            return null;
        }
        String type = response.getHeader("Content-Type");
        if (type == null || !type.contains("json")) {
            return null;
        }
        try {
            return json.readTree(buffer.getBytes());
        } catch (java.io.IOException e) {
            return null;
        }
    }
}

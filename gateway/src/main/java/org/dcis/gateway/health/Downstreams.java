package org.dcis.gateway.health;

import java.net.URI;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import org.dcis.gateway.GatewayConfig;
import org.dcis.gateway.routing.Downstream;

/**
 * The gateway's own small calls to the services, with the relay's timeouts: OpenAPI documents on their API
 * port, readiness on their management port.
 */
@ApplicationScoped
public class Downstreams {
    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private volatile HttpClient client;

    /** The body of a GET answered with {@code expectedStatus}; failed otherwise (status, timeout, refusal). */
    public Future<String> get(Downstream downstream, String pathAndQuery, int expectedStatus) {
        return get(downstream, downstream.baseUrl(config), pathAndQuery, expectedStatus);
    }

    /** The service's readiness document, from its management interface; failed unless it is 200 (UP). */
    public Future<String> readiness(Downstream downstream) {
        return get(downstream, downstream.managementUrl(config), "/q/health/ready", 200);
    }

    private Future<String> get(Downstream downstream, URI base, String pathAndQuery, int expectedStatus) {
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(base.getHost())
                .setPort(base.getPort() > 0 ? base.getPort() : tls ? 443 : 80)
                .setSsl(tls)
                .setURI((base.getRawPath() == null ? "" : base.getRawPath()) + pathAndQuery)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.responseTimeout().toMillis());
        return client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().compose(body -> response.statusCode() == expectedStatus
                        ? Future.succeededFuture(body.toString())
                        : Future.failedFuture(downstream.service() + " answered " + response.statusCode())));
    }

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(8));
                }
            }
        }
        return client;
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }
}

package org.dcis.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

import org.dcis.gateway.GatewayConfig;
import org.dcis.gateway.observability.RequestId;
import org.dcis.gateway.problem.Problems;
import org.dcis.platform.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * Streams one request to its service and the answer back (vertx-http-proxy: bodies flow through, never
 * buffered whole). The incoming Authorization header goes along untouched so that the service checks
 * the token again. Failures of the service become problem+json: 503 when it cannot be reached, 504 when
 * it stays silent past the response timeout, 502 otherwise. A bodyless GET or HEAD whose pooled connection
 * closes before any answer is sent once more on another connection (see {@link #mayRetry}). Addresses in the
 * answer's Location and Content-Location are made public ({@link PublicLocations}).
 * <p>
 * A client that goes away never costs another client its request: the downstream exchange is handed to the
 * proxy wrapped in a {@link DownstreamExchange}, which refuses to reset a downstream request that has been
 * sent completely (its pooled connection may already serve someone else) and drains its answer instead.
 */
public final class Relay {
    private static final Logger LOG = Logger.getLogger(Relay.class);

    private final HttpClient client;
    private final GatewayConfig config;
    private final PublicLocations locations;
    /** Each route's service base, parsed once (not a URI.create per request). */
    private final java.util.EnumMap<Downstream, URI> bases = new java.util.EnumMap<>(Downstream.class);

    Relay(HttpClient client, GatewayConfig config) {
        this.client = client;
        this.config = config;
        this.locations = PublicLocations.of(config);
        for (Downstream downstream : Downstream.values()) {
            bases.put(downstream, downstream.baseUrl(config));
        }
    }

    public void relay(RoutingContext ctx, Downstream downstream) {
        HttpServerRequest request = ctx.request();
        URI base = bases.get(downstream);
        boolean tls = "https".equalsIgnoreCase(base.getScheme());
        int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;

        if (request.version() == HttpVersion.HTTP_2 && request.getHeader("Content-Length") == null && !request.isEnded()) {
            // An HTTP/2 body has no length header and no chunked coding; the proxy only chunks the HTTP/1.1
            // request to the service when the incoming one says so, so say it (never sent to the client).
            request.headers().set("Transfer-Encoding", "chunked");
        }
        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(request);
        proxyRequest.setURI(downstream.downstreamUri(base, ctx.normalizedPath(), request.query()));
        proxyRequest.setAuthority(HostAndPort.create(base.getHost(), port));
        ForwardedHeaders.apply(proxyRequest.headers(), request, downstream.prefix(), RequestId.of(ctx));

        AtomicReference<HttpClientRequest> outgoing = new AtomicReference<>();
        AtomicBoolean tooLarge = new AtomicBoolean();
        Body body = proxyRequest.getBody();
        if (body != null && body.length() < 0) {
            // Declared lengths were checked before routing; a chunked body is counted as it flows.
            proxyRequest.setBody(Body.body(new LimitedReadStream(body.stream(), config.maxBodySize().asLongValue(),
                    () -> {
                        tooLarge.set(true);
                        HttpClientRequest sent = outgoing.get();
                        if (sent != null) {
                            sent.reset();
                        }
                    }), -1));
        }

        RequestOptions options = new RequestOptions()
                .setHost(base.getHost())
                .setPort(port)
                .setSsl(tls)
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.responseTimeout().toMillis());
        send(ctx, downstream, base, proxyRequest, options, outgoing, tooLarge, true);
    }

    private void send(RoutingContext ctx, Downstream downstream, URI base, ProxyRequest proxyRequest,
            RequestOptions options, AtomicReference<HttpClientRequest> outgoing, AtomicBoolean tooLarge,
            boolean firstAttempt) {
        client.request(options)
                .compose(clientRequest -> {
                    clientRequest.exceptionHandler(e -> LOG.debugf("%s: request to %s ended: %s", RequestId.of(ctx),
                            downstream.service(), e.toString()));
                    // Every reset of this exchange, the proxy's included (it resets when the client goes away),
                    // goes through the guard: see DownstreamExchange.
                    HttpClientRequest guarded = DownstreamExchange.guard(clientRequest);
                    outgoing.set(guarded);
                    return proxyRequest.send(guarded);
                })
                .onComplete(result -> {
                    if (result.succeeded() && !tooLarge.get()) {
                        ProxyResponse response = result.result();
                        if (ctx.response().closed()) {
                            // The client left while the service was answering: read the answer to its end so
                            // that the connection goes back to the pool whole, and write it nowhere.
                            LOG.debugf("%s: the client left before the answer of %s; discarding it",
                                    RequestId.of(ctx), downstream.service());
                            response.release();
                            return;
                        }
                        response.headers().remove(RequestId.HEADER);
                        HostAndPort called = ctx.request().authority();
                        locations.rewrite(response.headers(), () -> PublicLocations.requested(base, proxyRequest.getURI()),
                                ctx.request().scheme() == null ? "http" : ctx.request().scheme(),
                                called == null ? null : called.toString());
                        response.send().onFailure(e -> LOG.debugf("%s: answer of %s cut short: %s",
                                RequestId.of(ctx), downstream.service(), e.toString()));
                    } else if (firstAttempt && !tooLarge.get() && mayRetry(ctx, result.cause())) {
                        LOG.infof("%s: %s closed the connection before answering %s %s; retrying once on a fresh connection",
                                RequestId.of(ctx), downstream.service(), ctx.request().method(), proxyRequest.getURI());
                        // The incoming request had no body and its stream is spent: the retry sends none.
                        proxyRequest.setBody(null);
                        send(ctx, downstream, base, proxyRequest, options, outgoing, tooLarge, false);
                    } else {
                        proxyRequest.release();
                        fail(ctx, downstream, tooLarge.get(), result.cause());
                    }
                });
    }

    /**
     * A pooled connection to a service can close under a request that was just given to it (for instance
     * when the gateway resets another client's request on it), before the service saw or answered anything
     * of it. Sending the request again is only harmless when it is idempotent, had no body to replay, the
     * connection dropped before any answer began (not a timeout: the service may still be working on it;
     * not a connect failure: that is 503), and the client is still there to read the answer.
     */
    private static boolean mayRetry(RoutingContext ctx, Throwable cause) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return false;
        }
        String length = request.getHeader("Content-Length");
        boolean noBody = request.isEnded() && request.getHeader("Transfer-Encoding") == null
                && (length == null || length.strip().equals("0"));
        boolean clientConnected = !ctx.response().closed() && !ctx.response().ended() && !ctx.response().headWritten();
        return noBody && clientConnected && !isTimeout(cause) && !isConnectFailure(cause) && isConnectionDropped(cause);
    }

    private static boolean isConnectionDropped(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException
                    || t instanceof IOException && String.valueOf(t.getMessage()).contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }

    private void fail(RoutingContext ctx, Downstream downstream, boolean tooLarge, Throwable cause) {
        if (tooLarge) {
            ctx.response().putHeader("Connection", "close");
            Problems.send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body exceeds " + config.maxBodySize().asLongValue() + " bytes");
            return;
        }
        LOG.warnf("%s: %s failed: %s", RequestId.of(ctx), downstream.service(), String.valueOf(cause));
        if (isTimeout(cause) && !isConnectFailure(cause)) {
            Problems.send(ctx, ProblemType.GATEWAY_TIMEOUT, downstream.service() + " did not answer within " + config.responseTimeout().toMillis() + " ms");
        } else if (isConnectFailure(cause)) {
            ctx.response().putHeader("Retry-After", "5");
            Problems.send(ctx, ProblemType.SERVICE_UNAVAILABLE, downstream.service() + " cannot be reached; try again shortly");
        } else {
            Problems.send(ctx, ProblemType.BAD_GATEWAY, downstream.service() + " gave no valid answer");
        }
    }

    private static boolean isConnectFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}

package org.dcis.gateway.routing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;

/**
 * One request to a service over a pooled HTTP/1.1 connection, guarded so that giving it up can never break
 * the connection under somebody else's request.
 * <p>
 * Why: vertx-http-proxy resets the downstream request whenever its client goes away (the server response's
 * exception handler, or a failed write of the answer). In Vert.x 4.5 an HTTP/1.1 reset of a request whose
 * answer has already been received closes the <em>connection</em>, and that connection is back in the pool
 * as soon as the service's answer has been read, even while the gateway is still writing that answer to a
 * slow client. So a client that aborts a moment after its answer arrived from the service closed the
 * pooled connection under the next client's request ({@code HttpClosedException: Connection was closed}:
 * a 502, or a cut answer). This is eclipse-vertx/vert.x#6294.
 * <p>
 * The guard: once the request has been sent completely (its end written), the connection may be recycled at
 * any moment, so a reset is not passed on; the answer is read to its end and dropped instead (the services'
 * answers are bounded: paged lists, single resources), which returns the connection to the pool in a clean
 * state. While the request is still being sent (a body still
 * streaming from the client), the connection cannot have been recycled, so a reset goes through and closes
 * only this exchange's connection, which is what a half-sent request needs.
 */
final class DownstreamExchange implements InvocationHandler {
    private final HttpClientRequest request;
    private final AtomicBoolean sent = new AtomicBoolean();
    private final AtomicBoolean draining = new AtomicBoolean();
    private HttpClientRequest proxy;

    private DownstreamExchange(HttpClientRequest request) {
        this.request = request;
    }

    /** The request as the proxy should see it: every call goes to {@code request}, resets through the guard. */
    static HttpClientRequest guard(HttpClientRequest request) {
        DownstreamExchange exchange = new DownstreamExchange(request);
        exchange.proxy = (HttpClientRequest) Proxy.newProxyInstance(HttpClientRequest.class.getClassLoader(),
                new Class<?>[] { HttpClientRequest.class }, exchange);
        return exchange.proxy;
    }

    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (name.equals("reset")) {
            return reset(args);
        }
        if (name.equals("end") || name.equals("send")) {
            // from here on the connection may go back to the pool as soon as the answer is in
            sent.set(true);
        }
        Object result;
        try {
            result = method.invoke(request, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        // fluent calls return the request itself: keep handing out the guarded one
        return result == request ? proxy : result;
    }

    private static void drain(HttpClientResponse response) {
        response.handler(null);
        response.resume();
    }

    private boolean reset(Object[] args) {
        if (!sent.get()) {
            return switch (args == null ? 0 : args.length) {
                case 0 -> request.reset();
                case 1 -> request.reset((Long) args[0]);
                default -> request.reset((Long) args[0], (Throwable) args[1]);
            };
        }
        if (draining.compareAndSet(false, true)) {
            // Drain instead: what is left of the answer is read and dropped (nothing more is written to the
            // client that left), the answer ends normally and its connection goes back to the pool whole.
            request.response().onSuccess(DownstreamExchange::drain);
        }
        return false;
    }
}

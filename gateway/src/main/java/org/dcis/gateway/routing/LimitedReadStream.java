package org.dcis.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Relays a request body of undeclared length (chunked) while counting it; past the limit it stops
 * relaying and reports the overflow once, so a large upload is cut off without being buffered.
 */
final class LimitedReadStream implements ReadStream<Buffer> {
    private final ReadStream<Buffer> source;
    private final long limit;
    private final Runnable onOverflow;
    private long seen;
    private boolean overflowed;

    LimitedReadStream(ReadStream<Buffer> source, long limit, Runnable onOverflow) {
        this.source = source;
        this.limit = limit;
        this.onOverflow = onOverflow;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (overflowed) {
                return;
            }
            seen += chunk.length();
            if (seen > limit) {
                overflowed = true;
                onOverflow.run();
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        source.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        source.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler == null ? null : end -> {
            if (!overflowed) {
                endHandler.handle(end);
            }
        });
        return this;
    }
}

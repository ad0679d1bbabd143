package org.dcis.gateway.ratelimit;

/**
 * A token bucket: {@code capacity} requests at once, refilled continuously so that a spent bucket is full
 * again after {@code periodNanos}. Time comes from the caller, so the arithmetic is testable without
 * waiting.
 */
final class TokenBucket {
    private final int capacity;
    private final double nanosPerToken;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, long periodNanos, long now) {
        if (capacity < 1 || periodNanos < 1) {
            throw new IllegalArgumentException("capacity and period must be positive");
        }
        this.capacity = capacity;
        this.nanosPerToken = (double) periodNanos / capacity;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes one token; when none is left, says how long until one will be. */
    synchronized long tryTake(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * nanosPerToken);
    }

    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        long elapsed = now - updatedAt;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed / nanosPerToken);
            updatedAt = now;
        }
    }
}

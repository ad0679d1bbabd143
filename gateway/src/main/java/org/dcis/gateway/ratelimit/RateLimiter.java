package org.dcis.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller (token subject, else client, else address). Full buckets carry no
 * information, so they are dropped when the map grows, which bounds memory under many callers.
 */
public final class RateLimiter {
    private static final int PRUNE_ABOVE = 10_000;

    private final int capacity;
    private final long periodNanos;
    private final LongSupplier clock;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, Duration period, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.periodNanos = period.toNanos();
        this.clock = nanoClock;
        new TokenBucket(capacity, periodNanos, 0); // validates the settings at start-up
    }

    /** Zero when the caller may go on, else how long to wait before the next request can pass. */
    public Duration acquire(String caller) {
        long now = clock.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        long waitNanos = buckets.computeIfAbsent(caller, c -> new TokenBucket(capacity, periodNanos, now)).tryTake(now);
        return Duration.ofNanos(waitNanos);
    }

    /** Whole seconds for Retry-After, never 0 for a refusal. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}

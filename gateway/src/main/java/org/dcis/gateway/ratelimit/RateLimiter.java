package org.dcis.gateway.ratelimit;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller (token subject, else the address), kept in least-recently-used order.
 * <p>
 * Memory and work stay bounded whatever the number of callers:
 * <ul>
 * <li>a bucket untouched for a whole period is full again, so it carries no information and is dropped; as
 * the map is ordered by last use, those buckets are always at its head, and each request drops the idle
 * ones it finds there and stops at the first one still in use. Each bucket is dropped once, so the expiry
 * costs O(1) amortised per request, however many callers there are;</li>
 * <li>beyond {@code maxCallers} buckets the least recently used one is dropped even if not idle yet: past
 * that many callers active within one period (an address flood), the quietest of them starts again with a
 * full bucket rather than the gateway growing without end.</li>
 * </ul>
 * One lock guards the map; what it covers is a hash lookup, a bucket update and a few unlinks.
 */
public final class RateLimiter {
    /** Default bound on the callers remembered at once (about 100 bytes each). */
    public static final int DEFAULT_MAX_CALLERS = 100_000;

    private final int capacity;
    private final long periodNanos;
    private final LongSupplier clock;
    private final int maxCallers;
    /** Access order: the least recently used bucket first. */
    private final LinkedHashMap<String, Entry> buckets = new LinkedHashMap<>(64, 0.75f, true);
    private long expiryVisits;

    private static final class Entry {
        final TokenBucket bucket;
        long lastUsed;

        Entry(TokenBucket bucket, long lastUsed) {
            this.bucket = bucket;
            this.lastUsed = lastUsed;
        }
    }

    public RateLimiter(int capacity, Duration period, LongSupplier nanoClock) {
        this(capacity, period, nanoClock, DEFAULT_MAX_CALLERS);
    }

    public RateLimiter(int capacity, Duration period, LongSupplier nanoClock, int maxCallers) {
        if (maxCallers < 1) {
            throw new IllegalArgumentException("maxCallers must be positive");
        }
        this.capacity = capacity;
        this.periodNanos = period.toNanos();
        this.clock = nanoClock;
        this.maxCallers = maxCallers;
        new TokenBucket(capacity, periodNanos, 0); // validates the settings at start-up
    }

    /** Zero when the caller may go on, else how long to wait before the next request can pass. */
    public Duration acquire(String caller) {
        synchronized (buckets) {
            long now = clock.getAsLong();
            Entry entry = buckets.get(caller); // moves it to the tail
            if (entry == null) {
                entry = new Entry(new TokenBucket(capacity, periodNanos, now), now);
                buckets.put(caller, entry);
            }
            entry.lastUsed = now;
            long waitNanos = entry.bucket.tryTake(now);
            expire(now);
            return Duration.ofNanos(waitNanos);
        }
    }

    /** Drops idle buckets from the head, and the least recently used ones beyond the bound. */
    private void expire(long now) {
        Iterator<Entry> eldest = buckets.values().iterator();
        while (eldest.hasNext()) {
            Entry entry = eldest.next();
            expiryVisits++;
            boolean idle = now - entry.lastUsed >= periodNanos;
            if (!idle && buckets.size() <= maxCallers) {
                return;
            }
            eldest.remove();
        }
    }

    /** Callers remembered now. */
    public int size() {
        synchronized (buckets) {
            return buckets.size();
        }
    }

    /** Buckets looked at by the expiry since the start: at most the buckets ever created plus one per request. */
    long expiryVisits() {
        synchronized (buckets) {
            return expiryVisits;
        }
    }

    /** Whole seconds for Retry-After, never 0 for a refusal. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}

package org.dcis.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Memory and work of the limiter under many callers, on a hand-driven clock: idle buckets are forgotten
 * without losing anything, the number of buckets never exceeds the bound, and the expiry work stays O(1)
 * amortised per request (counted, not timed).
 */
class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void idleBucketsAreEvictedAndActiveOnesKeepTheirState() {
        AtomicLong clock = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, Duration.ofSeconds(60), clock::get, 1_000_000);
        for (int i = 0; i < 50_000; i++) {
            limiter.acquire("address:10.0." + i);
        }
        assertThat(limiter.size()).isEqualTo(50_000);

        // 59 s later, one caller spends its bucket and stays in use
        clock.set(59 * SECOND);
        assertThat(limiter.acquire("sub:busy")).isZero();
        assertThat(limiter.acquire("sub:busy")).isZero();
        assertThat(limiter.acquire("sub:busy")).as("spent").isPositive();

        // one period after the crowd: every idle bucket is gone, the busy one is still there and still spent
        clock.set(60 * SECOND);
        Duration busy = limiter.acquire("sub:busy");
        assertThat(limiter.size()).isEqualTo(1);
        assertThat(busy).as("eviction must not refill an active bucket").isPositive();

        // a caller forgotten while idle comes back with the full bucket it would have had anyway
        assertThat(limiter.acquire("address:10.0.7")).isZero();
        assertThat(limiter.acquire("address:10.0.7")).isZero();
        assertThat(limiter.acquire("address:10.0.7")).isPositive();
    }

    @Test
    void theNumberOfBucketsNeverExceedsTheBound() {
        AtomicLong clock = new AtomicLong();
        RateLimiter limiter = new RateLimiter(5, Duration.ofSeconds(60), clock::get, 1_000);
        // an address flood: 20 000 callers within one period, none of them idle
        for (int i = 0; i < 20_000; i++) {
            clock.addAndGet(1_000_000); // 1 ms apart: 20 s in all
            limiter.acquire("address:2001:db8::" + Integer.toHexString(i));
            assertThat(limiter.size()).isLessThanOrEqualTo(1_000);
        }
        assertThat(limiter.size()).isEqualTo(1_000);
        // the most recent callers are the ones remembered, with their state
        for (int i = 0; i < 4; i++) {
            assertThat(limiter.acquire("address:2001:db8::" + Integer.toHexString(19_999))).isZero();
        }
        assertThat(limiter.acquire("address:2001:db8::" + Integer.toHexString(19_999))).isPositive();
    }

    @Test
    void theExpiryWorkIsAtMostOneBucketPerRequestPlusOnePerBucketEverCreated() {
        AtomicLong clock = new AtomicLong();
        RateLimiter limiter = new RateLimiter(10, Duration.ofSeconds(1), clock::get, 5_000);
        long requests = 0;
        long created = 0;
        // waves of new callers beyond the bound, each wave idle by the next one, with steady callers between
        for (int wave = 0; wave < 20; wave++) {
            for (int i = 0; i < 12_000; i++) {
                limiter.acquire("wave" + wave + ":" + i);
                requests++;
                created++;
                if (i % 10 == 0) {
                    limiter.acquire("sub:steady" + (i % 7));
                    requests++;
                }
            }
            clock.addAndGet(2 * SECOND);
        }
        created += 7;
        assertThat(limiter.expiryVisits()).isLessThanOrEqualTo(requests + created);
        assertThat(limiter.size()).isLessThanOrEqualTo(5_000);
    }

    @Test
    void aNonsenseBoundIsRefusedAtStart() {
        assertThatThrownBy(() -> new RateLimiter(10, Duration.ofSeconds(1), System::nanoTime, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

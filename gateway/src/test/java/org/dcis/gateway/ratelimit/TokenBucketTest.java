package org.dcis.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The bucket arithmetic on a hand-driven clock: no waiting. */
class TokenBucketTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFullBucketLetsCapacityRequestsThroughThenSaysHowLongToWait() {
        TokenBucket bucket = new TokenBucket(3, 3 * SECOND, 0);
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isZero();
        assertThat(bucket.tryTake(0)).isEqualTo(SECOND);
        assertThat(bucket.tryTake(SECOND / 2)).isEqualTo(SECOND / 2);
    }

    @Test
    void itRefillsContinuouslyAndNeverAboveCapacity() {
        TokenBucket bucket = new TokenBucket(2, 2 * SECOND, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        assertThat(bucket.tryTake(SECOND)).as("one token back after a second").isZero();
        assertThat(bucket.tryTake(SECOND)).isPositive();
        assertThat(bucket.isFull(100 * SECOND)).isTrue();
        assertThat(bucket.tryTake(100 * SECOND)).isZero();
        assertThat(bucket.tryTake(100 * SECOND)).isZero();
        assertThat(bucket.tryTake(100 * SECOND)).as("a long pause does not bank more than the capacity").isPositive();
    }

    @Test
    void nonsenseSettingsAreRefusedAtStart() {
        assertThatThrownBy(() -> new RateLimiter(0, Duration.ofSeconds(1), System::nanoTime))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLimiterKeepsOneBucketPerCaller() {
        AtomicLong clock = new AtomicLong();
        RateLimiter limiter = new RateLimiter(1, Duration.ofSeconds(10), clock::get);
        assertThat(limiter.acquire("sub:a")).isZero();
        Duration wait = limiter.acquire("sub:a");
        assertThat(wait).isEqualTo(Duration.ofSeconds(10));
        assertThat(RateLimiter.retryAfterSeconds(wait)).isEqualTo(10);
        assertThat(limiter.acquire("sub:b")).as("another caller has its own bucket").isZero();
        clock.addAndGet(10 * SECOND);
        assertThat(limiter.acquire("sub:a")).isZero();
    }

    @Test
    void retryAfterIsNeverZeroSeconds() {
        assertThat(RateLimiter.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimiter.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
    }
}

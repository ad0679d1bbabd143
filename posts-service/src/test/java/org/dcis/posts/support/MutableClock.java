package org.dcis.posts.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's one clock in tests: it replaces the platform's default {@link Clock} (and so the
 * SuiteCalendar built on it). It tells the system time unless a test fixes an instant, and a test that
 * fixes one puts it back ({@link #reset()}), so every other test runs on the real time.
 */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends Clock {
    private volatile Instant fixed;

    /** From now on the service's time is this instant, until {@link #reset()}. */
    public void set(Instant instant) {
        fixed = instant;
    }

    /** Back to the system time. */
    public void reset() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant instant = fixed;
        return instant != null ? instant : Clock.systemUTC().instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }
}

package org.dcis.cooperation.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's one clock in tests: it replaces the platform's default {@link Clock} bean (and so the
 * suite's calendar built on it). It tells the system time unless a test fixes it, and every test that fixes
 * it resets it, so the other tests of the shared application never see a fixed time.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private volatile Clock current = Clock.systemUTC();

    /** From now on, the service lives at this instant. */
    public void fixAt(Instant instant) {
        current = Clock.fixed(instant, ZoneOffset.UTC);
    }

    /** Back to the system time. */
    public void reset() {
        current = Clock.systemUTC();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return current.withZone(zone);
    }

    @Override
    public Instant instant() {
        return current.instant();
    }
}

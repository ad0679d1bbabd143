package org.dcis.platform.time;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * One clock for the whole service, in UTC, and the suite's calendar on it. Tests replace the clock with a
 * bean of their own (the producer is a default bean), and the calendar follows.
 */
@ApplicationScoped
public class Clocks {
    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return microseconds(Clock.systemUTC());
    }

    /**
     * Ticks in whole microseconds, as PostgreSQL stores a timestamp (it rounds the rest away): an instant the service
     * puts in an event, or in a snapshot it answers right after a write, is then the very one a later read of the row
     * returns (the partner feeds carry exactly what the partner API shows, updatedAt included).
     */
    public static Clock microseconds(Clock clock) {
        return Clock.tick(clock, Duration.ofNanos(1_000));
    }

    @Produces
    @Singleton
    SuiteCalendar calendar(Clock clock) {
        return new SuiteCalendar(clock);
    }
}

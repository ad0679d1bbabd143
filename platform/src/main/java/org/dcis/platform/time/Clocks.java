package org.dcis.platform.time;

import java.time.Clock;

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
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    SuiteCalendar calendar(Clock clock) {
        return new SuiteCalendar(clock);
    }
}

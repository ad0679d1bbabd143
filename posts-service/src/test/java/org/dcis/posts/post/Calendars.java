package org.dcis.posts.post;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.dcis.platform.time.SuiteCalendar;

/** The suite's calendar on a fixed instant, for rules that need "today" without a running service. */
public final class Calendars {
    private Calendars() {
    }

    /** 2026-12-06T10:00Z: today is the 6th in Paris, and already the 7th at UTC+14. */
    public static SuiteCalendar at(String instant) {
        return new SuiteCalendar(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    public static SuiteCalendar december6() {
        return at("2026-12-06T10:00:00Z");
    }
}

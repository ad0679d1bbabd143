package org.dcis.platform.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The calendar of the suite, the same in every service (docs/conventions.md, "Dates").
 * <ul>
 * <li>{@link #today()}: the date in Paris, where headquarters keeps the network's books. Every default
 * date (a post opened "today", a case opened "today") and every "current" view uses it.</li>
 * <li>{@link #latestToday()}: the latest date that is today somewhere on Earth (UTC+14). A date is "in the
 * future" only after it, so an officer in Tokyo, Nouméa or Papeete may always log their own today.</li>
 * </ul>
 * Both read one injected {@link Clock}, so tests fix the instant and every service agrees on the answer.
 */
public final class SuiteCalendar {
    public static final ZoneId HEADQUARTERS = ZoneId.of("Europe/Paris");
    /** The first time zone to enter a new date (Line Islands, Kiribati). */
    public static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);

    private final Clock clock;

    public SuiteCalendar(Clock clock) {
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), HEADQUARTERS);
    }

    public LocalDate latestToday() {
        return LocalDate.ofInstant(clock.instant(), EARLIEST);
    }

    public boolean isInFuture(LocalDate date) {
        return date.isAfter(latestToday());
    }
}

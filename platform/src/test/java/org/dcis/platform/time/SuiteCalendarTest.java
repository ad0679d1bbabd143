package org.dcis.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SuiteCalendarTest {
    @Test
    void todayIsTheParisDateWhateverTheUtcDate() {
        // 23:30 UTC in winter is 00:30 in Paris: already the next day there
        assertThat(at("2026-12-06T23:30:00Z").today()).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(at("2026-12-06T22:30:00Z").today()).isEqualTo(LocalDate.of(2026, 12, 6));
        // summer time: Paris is UTC+2
        assertThat(at("2026-07-14T22:30:00Z").today()).isEqualTo(LocalDate.of(2026, 7, 15));
    }

    @Test
    void aDateIsInTheFutureOnlyWhenItIsTheFutureEverywhere() {
        // 23:30 UTC on the 5th: 08:30 on the 6th in Tokyo, 13:30 on the 6th at UTC+14
        SuiteCalendar calendar = at("2026-12-05T23:30:00Z");
        assertThat(calendar.isInFuture(LocalDate.of(2026, 12, 6))).as("Tokyo's today").isFalse();
        assertThat(calendar.isInFuture(LocalDate.of(2026, 12, 7))).isTrue();
        assertThat(at("2026-12-06T10:00:00Z").isInFuture(LocalDate.of(2026, 12, 7)))
                .as("already the 7th at UTC+14").isFalse();
    }

    @Test
    void theCalendarReadsItsClockOnly() {
        Clock clock = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
        assertThat(new SuiteCalendar(clock).now()).isEqualTo(clock.instant());
    }

    private static SuiteCalendar at(String instant) {
        return new SuiteCalendar(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }
}

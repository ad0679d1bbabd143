package org.dcis.cooperation.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.dcis.platform.problem.RuleViolation;
import org.dcis.platform.time.SuiteCalendar;

/** For the plain unit tests of the aggregates' rules: a calendar at a fixed instant, and "this rule refused that field". */
public final class Rules {
    private Rules() {
    }

    public static SuiteCalendar calendarAt(String instant) {
        return new SuiteCalendar(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    /** The call breaks a domain rule (422 rule-broken) about this field, and says so in a message containing {@code words}. */
    public static void refused(ThrowingCallable call, String field, String words) {
        assertThatThrownBy(call).isInstanceOfSatisfying(RuleViolation.class, violation -> {
            org.assertj.core.api.Assertions.assertThat(violation.violations()).singleElement()
                    .satisfies(v -> org.assertj.core.api.Assertions.assertThat(v.field()).isEqualTo(field));
            org.assertj.core.api.Assertions.assertThat(violation.getMessage()).contains(words);
        });
    }
}
